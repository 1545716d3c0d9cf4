import { describe, expect, it } from 'vitest';
import { draftFromCells, resolveMapping } from '../../src-main/services/import-mapping';

describe('importing the preferred channel', () => {
  it('finds the column by its Arabic heading and reads a channel by code or by name', () => {
    const mapping = resolveMapping(['الاسم الأول', 'القناة المفضلة'], {});
    expect(mapping.preferredChannel).toBe('القناة المفضلة');
    const channel = (value: string) => draftFromCells({ 'الاسم الأول': 'أحمد', 'القناة المفضلة': value }, mapping).preferredChannel;
    expect(channel('الخطابات')).toBe('letters');
    expect(channel('الاتصالات الهاتفية')).toBe('phone');
    expect(channel('Social media')).toBe('social_media');
    expect(channel('website')).toBe('website');
    expect(channel('')).toBeNull();
    expect(channel('حمام زاجل')).toBe('حمام زاجل');
  });
});
