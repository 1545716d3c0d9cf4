/** Generated Saudi-style people for benchmarks: four-part names with the spelling variation desks really see. */

const MALE = ['محمد', 'أحمد', 'عبدالله', 'عبد الرحمن', 'خالد', 'سعد', 'فهد', 'علي', 'حسن', 'إبراهيم', 'يوسف', 'عمر', 'ناصر', 'سلطان', 'تركي', 'ماجد', 'فيصل', 'صالح', 'عبدالعزيز', 'منصور', 'حمد', 'سعيد', 'موسى', 'عيسى', 'يحيى', 'هادي', 'جابر', 'مشعل', 'بندر', 'نايف', 'طلال', 'وليد', 'زياد', 'راشد', 'مساعد', 'حسين', 'عادل', 'مبارك', 'عبدالإله', 'أيمن'];
const FEMALE = ['فاطمة', 'عائشة', 'مريم', 'نورة', 'سارة', 'هند', 'منى', 'أمل', 'خديجة', 'زينب', 'ليلى', 'حصة', 'لطيفة', 'جواهر', 'نوف', 'أسماء', 'رقية', 'هيفاء', 'عبير', 'سلمى'];
const FAMILY = ['الحربي', 'العتيبي', 'القحطاني', 'الغامدي', 'الزهراني', 'الشهري', 'المالكي', 'الدوسري', 'الشمري', 'العنزي', 'المطيري', 'السبيعي', 'الحازمي', 'المدخلي', 'النعمي', 'العريشي', 'الفيفي', 'الصميلي', 'الحكمي', 'عطيف', 'مباركي', 'معافا', 'القاسمي', 'خواجي', 'الجعفري', 'حمدي', 'شراحيلي', 'الأمير', 'بكري', 'عريشي', 'مجرشي', 'الكعبي', 'هادي', 'الخيري', 'زيلعي', 'صوان', 'دغريري', 'النجمي', 'المشيخي', 'الريثي'];

/** Variants a receptionist may type for the same name. */
const VARIANTS: Record<string, string[]> = {
  'أحمد': ['احمد'], 'إبراهيم': ['ابراهيم'], 'فاطمة': ['فاطمه'], 'عبدالله': ['عبد الله'], 'عبد الرحمن': ['عبدالرحمن'],
  'عائشة': ['عايشة', 'عائشه'], 'أمل': ['امل'], 'يحيى': ['يحيي'], 'موسى': ['موسي'], 'عيسى': ['عيسي'], 'أسماء': ['اسماء'],
  'عبدالعزيز': ['عبد العزيز'], 'عبدالإله': ['عبد الاله'], 'أيمن': ['ايمن'], 'الأمير': ['الامير'],
};

export class Rng {
  constructor(private state: number) {}
  next(): number {
    // mulberry32: small, fast, repeatable
    let t = (this.state += 0x6d2b79f5);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}

export function spellingVariant(rng: Rng, name: string): string {
  const options = VARIANTS[name];
  if (options && rng.next() < 0.3) return rng.pick(options);
  if (name.startsWith('ال') && rng.next() < 0.1) return name.slice(2);
  return name;
}

export type GeneratedPerson = {
  firstName: string;
  fatherName: string;
  grandfatherName: string;
  familyName: string;
  gender: 'male' | 'female';
};

export function generatePerson(rng: Rng): GeneratedPerson {
  const gender = rng.next() < 0.55 ? 'female' : 'male';
  return {
    firstName: spellingVariant(rng, gender === 'male' ? rng.pick(MALE) : rng.pick(FEMALE)),
    fatherName: spellingVariant(rng, rng.pick(MALE)),
    grandfatherName: spellingVariant(rng, rng.pick(MALE)),
    familyName: spellingVariant(rng, rng.pick(FAMILY)),
    gender,
  };
}
