import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES } from '../../electron/core/services/letters/builtin';
import { versionHash } from '../../electron/core/services/letters/templates';
import { call, callError } from '../support/core-harness';
import { lettersOffice, pdfOf, type LettersOffice } from '../support/letters-fixtures';

let o: LettersOffice;
beforeAll(async () => {
  o = await lettersOffice();
}, 120_000);
afterAll(() => o.core.close());

const original = BUILTIN_TEMPLATES.presa_in_carico;

describe('modelli: l’editor dell’amministratore', () => {
  it('a placeholder that does not exist is refused at save time, with its name; so are unknown filters and file-reading tags', async () => {
    const unknown = await callError(o.admin, 'letterTemplates.save', {
      template: 'presa_in_carico',
      titolo: original.titolo,
      sorgente: `${original.sorgente}<p>{{ persona.pippo }}</p>`,
    });
    expect(unknown.code).toBe('VALIDATION');
    expect(unknown.message).toContain('Campo sconosciuto «persona.pippo»');
    const filter = await callError(o.admin, 'letterTemplates.save', { template: 'presa_in_carico', titolo: original.titolo, sorgente: '<p>{{ persona.nome | shout }}</p>' });
    expect(filter.message).toContain('Filtro sconosciuto «shout»');
    const include = await callError(o.admin, 'letterTemplates.save', { template: 'presa_in_carico', titolo: original.titolo, sorgente: "{% include '/etc/passwd' %}" });
    expect(include.message).toMatch(/non è ammesso/);
    const part = await callError(o.admin, 'letterTemplates.save', { template: 'presa_in_carico', titolo: original.titolo, sorgente: '<p>{{ libero.inventata }}</p>' });
    expect(part.message).toContain('libero.testo');
    for (const active of [
      '<script>alert(1)</script>',
      '<img src="http://esempio.it/x.png">',
      '<p onclick="x()">a</p>',
      '<iframe src="file:///etc/passwd"></iframe>',
      '<style>@import url(https://x.it/a.css)</style>',
    ]) {
      const refused = await callError(o.admin, 'letterTemplates.save', { template: 'presa_in_carico', titolo: original.titolo, sorgente: `${original.sorgente}${active}` });
      expect(refused.code, active).toBe('VALIDATION');
      expect(refused.message).toMatch(/non può/);
    }
    const syntax = await callError(o.admin, 'letterTemplates.save', { template: 'presa_in_carico', titolo: original.titolo, sorgente: '<p>{{ persona.nome </p>' });
    expect(syntax.code).toBe('VALIDATION');
    expect((await call(o.admin, 'letterTemplates.versions', { template: 'presa_in_carico' })).versions).toHaveLength(1);
  });

  it('redaction: a sensitive field in a template addressed outside the office is refused with the reason; inside it is allowed', async () => {
    const progetto = BUILTIN_TEMPLATES.progetto_formativo;
    for (const campo of ['persona.invalidita', 'isee.valore', 'persona.legge_104', 'cartella.problematiche', 'tirocinio.regime']) {
      const refused = await callError(o.admin, 'letterTemplates.save', {
        template: 'progetto_formativo',
        titolo: progetto.titolo,
        sorgente: `${progetto.sorgente}<p>{{ ${campo} }}</p>`,
      });
      expect(refused.code).toBe('VALIDATION');
      expect(refused.message).toContain(`«${campo}»`);
      expect(refused.message).toContain('dato sensibile');
    }
    const inside = await call(o.admin, 'letterTemplates.save', {
      template: 'pai',
      titolo: BUILTIN_TEMPLATES.pai.titolo,
      sorgente: `${BUILTIN_TEMPLATES.pai.sorgente}<p>Invalidità: {{ persona.invalidita }}</p>`,
    });
    expect(inside.versione).toMatch(/^[0-9a-f]{64}$/);
    await call(o.admin, 'letterTemplates.restore', { template: 'pai' });
  });

  it('versions are kept and recorded on documents; the built-in original is always restorable', async () => {
    const sorgente = original.sorgente.replace('Cordiali saluti.', 'Con i migliori saluti.');
    const saved = await call(o.admin, 'letterTemplates.save', { template: 'presa_in_carico', titolo: 'Presa in carico (versione 2)', sorgente });
    expect(saved.versione).toBe(versionHash('Presa in carico (versione 2)', sorgente));
    const listed = (await call(o.as, 'letterTemplates.list', {})).templates.find((t) => t.name === 'presa_in_carico')!;
    expect(listed).toMatchObject({ versione: saved.versione, personalizzato: true, titolo: 'Presa in carico (versione 2)' });
    const issued = await call(o.as, 'letters.issue', { template: 'presa_in_carico', caseId: o.full.caseId });
    expect((await pdfOf(o.as, issued.downloadId)).text).toContain('Con i migliori saluti.');
    const doc = (await call(o.as, 'documents.list', { caseId: o.full.caseId })).documents.find((d) => d.id === issued.documentId)!;
    expect(doc.versione).toBe(saved.versione);

    const restored = await call(o.admin, 'letterTemplates.restore', { template: 'presa_in_carico' });
    expect(restored.versione).toBe(versionHash(original.titolo, original.sorgente));
    const versions = (await call(o.admin, 'letterTemplates.versions', { template: 'presa_in_carico' })).versions;
    expect(versions.map((v) => [v.versione, v.originale, v.corrente])).toEqual(
      expect.arrayContaining([
        [saved.versione, false, false],
        [restored.versione, true, true],
      ]),
    );
    // The document printed with the old version reprints with it, not with the restored one.
    const reprint = await call(o.as, 'documents.reprint', { id: issued.documentId });
    expect((await pdfOf(o.as, reprint.downloadId)).text).toContain('Con i migliori saluti.');
  });

  it('the live preview shows sample data or a chosen record, and reports problems without saving', async () => {
    const sample = await call(o.admin, 'letterTemplates.sample', { template: 'convocazione' });
    expect(sample.errori).toEqual([]);
    expect(sample.html).toContain('Nicolò D’Annunzio-Colò');
    const broken = await call(o.admin, 'letterTemplates.sample', { template: 'convocazione', sorgente: '{{ appuntamento.nessuno }}' });
    expect(broken.errori[0]).toContain('appuntamento.nessuno');
    const coordinator = o.team.coordinatore.conn;
    const real = await call(coordinator, 'letterTemplates.sample', { template: 'convocazione', appointmentId: o.full.appointmentId, pdf: true });
    expect(real.mancanti).toEqual([]);
    expect((await pdfOf(coordinator, real.file!.downloadId)).text).toContain('Nicolò');
    // The administrator sees no one's file: a real record is refused to him.
    expect((await callError(o.admin, 'letterTemplates.sample', { template: 'convocazione', appointmentId: o.full.appointmentId })).code).toBe('FORBIDDEN');
    expect((await callError(o.as, 'letterTemplates.save', { template: 'convocazione', titolo: 'x', sorgente: 'x' })).code).toBe('FORBIDDEN');
  });

  it('the field list names every placeholder in Italian, with the sensitive ones marked', async () => {
    const { campi } = await call(o.as, 'letterTemplates.fields', {});
    const byName = new Map(campi.map((c) => [c.campo, c]));
    expect(byName.get('persona.cognome')).toMatchObject({ label: 'Cognome', sensibile: false });
    expect(byName.get('appuntamento.data')).toMatchObject({ sensibile: false, soggetti: ['appuntamento'] });
    expect(byName.get('isee.valore')?.sensibile).toBe(true);
    const templates = (await call(o.as, 'letterTemplates.list', {})).templates;
    expect(templates).toHaveLength(12);
    for (const t of templates) for (const campo of t.campi) expect(byName.has(campo), `${t.name}: ${campo}`).toBe(true);
  });
});
