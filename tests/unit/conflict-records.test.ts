import { describe, expect, it } from 'vitest';
import { CONFLICT_TABLES, ConflictRecordFields, conflictsContract } from '../../shared/contracts/conflicts';
import { WRITABLE } from '../../electron/core/db/schema';
import { displayValue, fieldLabel } from '../../electron/core/services/conflicts/field-labels';
import { ADMIN_KIND_LABELS, FREE_TEXT, RECORD_KINDS, isFreeText } from '../../electron/core/services/conflicts/record-kinds';

describe('Conflitti: i tipi di dato', () => {
  it('every record kind is a synced table, names a field of conflicts.resolve, and that field is checked by the router with the kind’s rule', () => {
    const resources = conflictsContract['conflicts.resolve'].resources as Record<string, string>;
    for (const [table, kind] of Object.entries(RECORD_KINDS)) {
      expect(Object.hasOwn(WRITABLE, table), table).toBe(true);
      expect(Object.hasOwn(ConflictRecordFields, kind.field), table).toBe(true);
      expect(resources[kind.field], table).toBe(kind.write);
    }
    // One field per kind: the field tells the service which profile right to check first.
    expect(new Set(Object.values(RECORD_KINDS).map((k) => k.field)).size).toBe(Object.keys(RECORD_KINDS).length);
    expect(Object.keys(ConflictRecordFields).sort()).toEqual(
      Object.values(RECORD_KINDS)
        .map((k) => k.field)
        .sort(),
    );
  });

  it('the screen re-reads on a change to any table of a record kind', () => {
    expect([...CONFLICT_TABLES].sort()).toEqual(Object.keys(RECORD_KINDS).sort());
  });

  it('free-text fields are real columns; a short field (a telephone number) is not mergeable', () => {
    for (const [table, cols] of Object.entries(FREE_TEXT)) for (const col of cols) expect((WRITABLE as Record<string, readonly string[]>)[table], `${table}.${col}`).toContain(col);
    expect(isFreeText('diary_entries', 'testo')).toBe(true);
    expect(isFreeText('persons', 'telefono')).toBe(false);
  });

  it('administration tables have Italian names; fields read in Italian; values as a person reads them', () => {
    for (const table of Object.keys(ADMIN_KIND_LABELS)) expect(Object.hasOwn(WRITABLE, table), table).toBe(true);
    expect(fieldLabel('telefono')).toBe('Telefono');
    expect(fieldLabel('comune_istat')).toBe('Comune istat');
    expect(displayValue('"Via Roma 1"')).toBe('Via Roma 1');
    expect(displayValue('null')).toBe('');
    expect(displayValue('1500')).toBe('1500');
  });
});
