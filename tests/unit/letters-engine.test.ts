import { describe, expect, it } from 'vitest';
import { formatItalianDateWords, formatLongItalianDate } from '../../shared/domain/dates';
import { Missing, renderTemplate } from '../../electron/core/services/letters/engine';
import { BUILTIN_TEMPLATES } from '../../electron/core/services/letters/builtin';
import { sourceProblems } from '../../electron/core/services/letters/templates';

describe('lettere: il motore dei modelli', () => {
  it('writes dates and times as a letter does', () => {
    expect(formatLongItalianDate('2026-03-03')).toBe('martedì 3 marzo 2026');
    expect(formatLongItalianDate('2024-02-29')).toBe('giovedì 29 febbraio 2024');
    expect(formatItalianDateWords('2026-12-01')).toBe('1 dicembre 2026');
    const out = renderTemplate('{{ d | data_estesa }}, {{ t | ora }} ({{ d | data }})', { d: '2026-03-03', t: '09:30' });
    expect(out.html).toBe('martedì 3 marzo 2026, ore 9:30 (03/03/2026)');
  });

  it('escapes every value, also through `raw`; a value is never rendered again as a template', () => {
    const out = renderTemplate('{{ n }}|{{ n | raw }}|{{ t }}', { n: '<script>alert("x")</script>', t: '{{ n }}' });
    expect(out.html).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;|&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;|{{ n }}');
  });

  it('an unknown variable throws (strict), an empty field is reported once and shown as missing, falsy in conditions', () => {
    expect(() => renderTemplate('{{ persona.pippo }}', { persona: {} })).toThrow(/undefined variable/);
    const scope = { persona: { telefono: new Missing('persona.telefono', 'Telefono', 'il dato non è compilato') } };
    const out = renderTemplate('{% if persona.telefono %}Tel.{% endif %}[{{ persona.telefono }}][{{ persona.telefono | maiuscolo }}]', scope);
    expect(out.html).not.toContain('Tel.');
    expect(out.html).toContain('[manca: Telefono]');
    expect(out.mancanti).toEqual([{ campo: 'persona.telefono', label: 'Telefono', motivo: 'il dato non è compilato' }]);
    expect(renderTemplate('{{ persona.telefono | default: "—" }}', scope).mancanti).toEqual([]);
  });

  it('reads no file and refuses runaway loops', () => {
    expect(() => renderTemplate("{% include 'etc/passwd' %}", {})).toThrow(/non è ammesso/);
    expect(() => renderTemplate("{% render 'x' %}", {})).toThrow(/non è ammesso/);
    expect(() => renderTemplate('{% for i in (1..100000000) %}{{ i }}{% endfor %}', {})).toThrow();
  });

  it('every built-in template passes its own save check', () => {
    for (const def of Object.values(BUILTIN_TEMPLATES)) expect(sourceProblems(def, def.sorgente), def.name).toEqual([]);
  });
});
