import { uuidv7 } from 'uuidv7';
import type Sqlite from 'better-sqlite3-multiple-ciphers';
import { withCheckDigit } from '../../src-shared/domain/national-id';
import { beneficiaryKeys, searchDocument } from '../../src-main/store/beneficiary-keys';
import { generatePerson, type Rng } from './saudi-names';

export type SeededPerson = { id: string; nationalId: string; phone: string; firstName: string; fatherName: string; grandfatherName: string; familyName: string; gender: 'male' | 'female' };

/**
 * Writes `count` beneficiaries straight into the store with the same derived keys and search
 * document the services write (the registry's own code, minus the per-row audit), in one transaction.
 */
export function seedBeneficiaries(sqlite: Sqlite.Database, branchId: string, count: number, rng: Rng): SeededPerson[] {
  const insert = sqlite.prepare(`INSERT INTO beneficiaries (id, branch_id, first_name, father_name, grandfather_name, family_name,
    latin_name, id_type, national_id, nationality, gender, birth_date, phone_primary, phone_secondary, governorate, city, address, notes,
    name_key, phonetic_key, lineage_key, created_by, updated_by, created_at, updated_at, hlc)
    VALUES (@id, @branch_id, @first_name, @father_name, @grandfather_name, @family_name, NULL, @id_type, @national_id, 'SA', @gender,
    @birth_date, @phone_primary, NULL, 'جازان', NULL, NULL, NULL, @name_key, @phonetic_key, @lineage_key, NULL, NULL, @now, @now, @hlc)`);
  const index = sqlite.prepare('INSERT INTO beneficiary_search (rowid, names, numbers) VALUES (?, ?, ?)');
  const people: SeededPerson[] = [];
  const now = new Date().toISOString();
  const usedIds = new Set<string>();
  sqlite.transaction(() => {
    for (let i = 0; i < count; i += 1) {
      const person = generatePerson(rng);
      let nationalId: string;
      do {
        nationalId = withCheckDigit(`${rng.next() < 0.85 ? 1 : 2}${String(rng.int(100_000_000)).padStart(8, '0')}`);
      } while (usedIds.has(nationalId));
      usedIds.add(nationalId);
      const phone = `+9665${String(rng.int(100_000_000)).padStart(8, '0')}`;
      const id = uuidv7();
      const row = {
        id,
        branch_id: branchId,
        first_name: person.firstName,
        father_name: person.fatherName,
        grandfather_name: person.grandfatherName,
        family_name: person.familyName,
        id_type: nationalId.startsWith('1') ? 'national_id' : 'iqama',
        national_id: nationalId,
        gender: person.gender,
        birth_date: `${1950 + rng.int(60)}-${String(1 + rng.int(12)).padStart(2, '0')}-${String(1 + rng.int(28)).padStart(2, '0')}`,
        phone_primary: phone,
        ...beneficiaryKeys(person),
        now,
        hlc: `${String(Date.now()).padStart(15, '0')}-${i.toString(36).padStart(5, '0')}-bench`,
      };
      const { lastInsertRowid } = insert.run(row);
      const doc = searchDocument({ ...row, latin_name: null, phone_secondary: null });
      index.run(lastInsertRowid, doc.names, doc.numbers);
      people.push({ id, nationalId, phone, ...person });
    }
  })();
  return people;
}
