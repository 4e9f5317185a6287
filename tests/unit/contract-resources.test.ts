import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract } from '../../shared/contracts';
import { Id } from '../../shared/contracts/common';
import { RESOURCE_REFS, valuesAt, type ChannelDef } from '../../shared/contracts/define';

const entries = Object.entries(contract) as [string, ChannelDef][];

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
}
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Whether a schema is (a wrapper of, or an array of) the shared `Id` schema. */
function isIdSchema(schema: z.ZodType): boolean {
  if (schema === Id) return true;
  const d = defOf(schema);
  const inner = d.innerType ?? d.element ?? d.in;
  return inner ? isIdSchema(inner) : false;
}

/** Every object key path of an input schema, with its schema (arrays traversed). */
function paths(schema: z.ZodType, prefix = ''): [string, z.ZodType][] {
  const d = defOf(schema);
  if (d.type === 'object' && d.shape) {
    return Object.entries(d.shape).flatMap(([key, child]) => {
      const path = prefix ? `${prefix}.${key}` : key;
      return [[path, child] as [string, z.ZodType], ...paths(child, path)];
    });
  }
  const inner = d.innerType ?? d.element ?? d.in;
  if (inner) return paths(inner, prefix);
  if (d.options) return d.options.flatMap((o) => paths(o, prefix));
  return [];
}

const ID_NAME = /(^id$|Id$|Ids$)/;

describe('contratto: ogni id in ingresso è dichiarato come risorsa', () => {
  it('every input field that is an Id, or is named like one, is declared in the channel’s resources', () => {
    const missing: string[] = [];
    for (const [name, def] of entries) {
      for (const [path, schema] of paths(def.input)) {
        const last = path.split('.').at(-1) as string;
        if ((isIdSchema(schema) || ID_NAME.test(last)) && !Object.hasOwn(def.resources, path)) missing.push(`${name}: ${path}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('declares no resource path the input does not have (no stale declarations)', () => {
    const stale: string[] = [];
    for (const [name, def] of entries) {
      const known = new Set(paths(def.input).map(([p]) => p));
      for (const path of Object.keys(def.resources)) if (!known.has(path)) stale.push(`${name}: ${path}`);
    }
    expect(stale).toEqual([]);
  });

  it('a field named after a person or a case names that kind, never a plain reference', () => {
    const wrong: string[] = [];
    for (const [name, def] of entries) {
      for (const [path, ref] of Object.entries(def.resources)) {
        const last = path.split('.').at(-1) as string;
        if (/[pP]ersonId$/.test(last) && !ref.startsWith('person:')) wrong.push(`${name}: ${path} → ${ref}`);
        if (last === 'caseId' && !ref.startsWith('case:')) wrong.push(`${name}: ${path} → ${ref}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('the refs used are the known ones', () => {
    for (const [name, def] of entries) for (const ref of Object.values(def.resources)) expect(RESOURCE_REFS, name).toContain(ref);
  });

  it('channels that read or change a case file or a person declare it', () => {
    const mustDeclare = [
      'cases.get',
      'cases.summary',
      'cases.setStatus',
      'cases.assign',
      'diary.get',
      'diary.update',
      'attachments.read',
      'persons.get',
      'households.addMember',
      'accessi.create',
      'agenda.save',
      'agenda.setStatus',
    ];
    for (const name of mustDeclare) expect(Object.keys((contract as Record<string, ChannelDef>)[name]!.resources).length, name).toBeGreaterThan(0);
  });
});

describe('valuesAt: the values the router checks', () => {
  it('reads single fields, arrays and nested arrays of objects; skips null and absent', () => {
    expect(valuesAt({ id: 'a' }, 'id')).toEqual(['a']);
    expect(valuesAt({ id: null }, 'id')).toEqual([]);
    expect(valuesAt({}, 'id')).toEqual([]);
    expect(valuesAt({ userIds: ['a', 'b'] }, 'userIds')).toEqual(['a', 'b']);
    expect(valuesAt({ obiettivi: [{ id: 'x' }, { termine: 'breve' }, { id: 'y' }] }, 'obiettivi.id')).toEqual(['x', 'y']);
  });
});
