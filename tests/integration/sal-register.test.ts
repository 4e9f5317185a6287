import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN, call, callError, inspectDatabase, receiveDownload, sendUpload, tempDir } from '../support/core-harness';
import { TODAY, personWithCf, sedeId } from '../support/cartella-fixtures';
import { WEEKDAYS_4H, aziendaFields, beneficiarioFields, office, signedPdf, withHost } from '../support/sal-fixtures';

describe('registro SAL', () => {
  it('a mediatore enrols a person from her case: the anagrafica is the case’s, the path starts in the fase preliminare, the read is audited', async () => {
    const o = await office();
    const { id } = await call(o.sal, 'salBeneficiari.enrol', { caseId: o.caseId, fields: beneficiarioFields() });
    const b = await call(o.sal, 'salBeneficiari.get', { id });
    expect(b).toMatchObject({ cognome: 'Fabbri', nome: 'Lucia', comune: 'Giove', fase: 'preliminare', l68: true, personId: o.personId });
    expect(b.fields.iban).toBe('IT60X0542811101000000123456');
    expect((await call(o.sal, 'salBeneficiari.forCase', { caseId: o.caseId })).beneficiarioId).toBe(id);
    expect((await callError(o.sal, 'salBeneficiari.enrol', { caseId: o.caseId, fields: beneficiarioFields() })).message).toBe('Questa persona è già iscritta al registro SAL.');
    const audit = await call(o.admin, 'audit.list', { log: 'data', limit: 50 });
    expect(JSON.stringify(audit)).toContain('salBeneficiari.get');
  });

  it('the progettazione needs the valutazione con l’inviante first, and says so', async () => {
    const o = await office();
    const { id } = await call(o.sal, 'salBeneficiari.enrol', { caseId: o.caseId, fields: beneficiarioFields() });
    await call(o.sal, 'salBeneficiari.addActivity', { id, tipo: 'colloquio_accoglienza', data: '2027-01-10', note: '' });
    await call(o.sal, 'salBeneficiari.setPhase', { id, fase: 'orientamento', dal: '2027-01-10', note: '' });
    const refused = await callError(o.sal, 'salBeneficiari.setPhase', { id, fase: 'progettazione', dal: '2027-01-20', note: '' });
    expect(refused.message).toBe('Per passare a «Progettazione» registra prima l’attività «Valutazione con il servizio inviante».');
    await call(o.sal, 'salBeneficiari.addActivity', { id, tipo: 'valutazione_inviante', data: '2027-01-19', note: 'Con l’assistente sociale' });
    await call(o.sal, 'salBeneficiari.setPhase', { id, fase: 'progettazione', dal: '2027-01-20', note: '' });
    const b = await call(o.sal, 'salBeneficiari.get', { id });
    expect(b.fasi.map((f) => [f.fase, f.al])).toEqual([
      ['preliminare', '2027-01-10'],
      ['orientamento', '2027-01-20'],
      ['progettazione', null],
    ]);
  });

  it('bad company data is refused in Italian and nothing is stored', async () => {
    const o = await office();
    const bad = await callError(o.sal, 'salAziende.save', { id: null, fields: aziendaFields({ codice: '12345678901' }) });
    expect(bad.code).toBe('VALIDATION');
    expect(bad.message).toContain('cifra (di controllo) non corrisponde');
    expect((await call(o.sal, 'salAziende.list', { query: '', comuneIstat: null, ateco: '', perBeneficiarioId: null })).aziende).toEqual([]);
    const { aziendaId } = await withHost(o);
    const twice = await callError(o.sal, 'salAziende.save', { id: null, fields: aziendaFields({ ragioneSociale: 'Altra' }) });
    expect(twice).toMatchObject({ code: 'CONFLICT', message: 'Esiste già un’azienda con questo codice: «Cooperativa Il Ponte».' });
    expect((await callError(o.sal, 'salAziende.addConvenzione', { aziendaId, numero: '1', data: '2026-05-01', scadenza: '2026-04-01', uploadId: null })).code).toBe('VALIDATION');
  });

  it('matching: companies in Amelia by settore, with the distance from the beneficiario’s comune, within his maximum', async () => {
    const o = await office();
    const { beneficiarioId } = await withHost(o);
    await call(o.sal, 'salAziende.save', {
      id: null,
      fields: aziendaFields({
        ragioneSociale: 'Officine Narnesi',
        codice: '01234567897',
        comuneIstat: '055022',
        atecoCodice: '25.62',
        atecoDescrizione: 'Lavori di meccanica generale',
        dipendentiTi: 30,
      }),
    });
    const bySettore = await call(o.sal, 'salAziende.list', { query: '', comuneIstat: '055004', ateco: '81', perBeneficiarioId: beneficiarioId });
    expect(bySettore.aziende.map((a) => [a.ragioneSociale, a.comune, a.limite])).toEqual([['Cooperativa Il Ponte', 'Amelia', 1]]);
    // Giove – Amelia is about 8 km, within her 15; Giove – Narni about 15.1, just beyond.
    expect(bySettore.aziende[0]!.distanzaKm).toBeGreaterThan(6);
    expect(bySettore.aziende[0]!.distanzaKm).toBeLessThan(10);
    const near = await call(o.sal, 'salAziende.list', { query: '', comuneIstat: null, ateco: '', perBeneficiarioId: beneficiarioId });
    expect(near.aziende.map((a) => a.ragioneSociale)).toEqual(['Cooperativa Il Ponte']);
    const all = await call(o.sal, 'salAziende.list', { query: '', comuneIstat: null, ateco: '', perBeneficiarioId: null });
    expect(all.aziende.map((a) => [a.ragioneSociale, a.limite])).toEqual([
      ['Cooperativa Il Ponte', 1],
      ['Officine Narnesi', 3],
    ]);
  });

  it('a 6-month tirocinio at 20 h a week is saved; 7 months refused as ordinario, accepted as disabili / svantaggiati', async () => {
    const o = await office();
    const h = await withHost(o);
    const seven = await callError(o.sal, 'salTirocini.save', { id: null, fields: h.tirocinio({ fine: '2027-08-31' }) });
    expect(seven.code).toBe('VALIDATION');
    expect(seven.message).toBe('Durata massima 6 mesi per questo regime, proroghe comprese: questo tirocinio dura 7 mesi (fine al più tardi il 31/07/2027).');
    const check = await call(o.sal, 'salTirocini.check', { id: null, fields: h.tirocinio({ fine: '2027-08-31', regime: 'disabili_svantaggiati' }) });
    expect(check).toEqual({ breaches: [], fineEffettiva: '2027-08-31', durata: '7 mesi' });
    const { id } = await call(o.sal, 'salTirocini.save', { id: null, fields: h.tirocinio({ fine: '2027-08-31', regime: 'disabili_svantaggiati' }) });
    const t = await call(o.sal, 'salTirocini.get', { id });
    expect(t).toMatchObject({ regime: 'disabili_svantaggiati', stato: 'in_corso', fineEffettiva: '2027-08-31', parametri: { validoDal: '2019-03-01' } });
  });

  it('bad tirocinio input: end before start, 9 hours a day, a host over its limit — each refused with its rule, nothing stored', async () => {
    const o = await office();
    const h = await withHost(o);
    expect((await callError(o.sal, 'salTirocini.save', { id: null, fields: h.tirocinio({ fine: '2027-01-15' }) })).message).toBe(
      'La data di fine è precedente alla data di inizio.',
    );
    const nine = await callError(o.sal, 'salTirocini.save', { id: null, fields: h.tirocinio({ orario: { ...WEEKDAYS_4H, lun: 9, mar: 0 }, oreSettimanali: 21 }) });
    expect(nine.message).toBe('Al massimo 8 ore al giorno: lunedì ne prevede 9.');
    await call(o.sal, 'salTirocini.save', { id: null, fields: h.tirocinio() });
    // A second beneficiario at the same 4-employee company, in the same months.
    const p2 = await call(o.as, 'persons.create', personWithCf({ cognome: 'Conti', nome: 'Marco', dataNascita: '1985-01-01' }));
    const c2 = await call(o.as, 'cases.open', { personId: p2.person.id, sedeId: await sedeId(o.as, 'Amelia'), area: 'poverta', problematiche: [], apertaIl: TODAY });
    const { id: b2 } = await call(o.sal, 'salBeneficiari.enrol', { caseId: c2.caseId, fields: beneficiarioFields({ l68: false, l68Percentuale: null }) });
    const over = await callError(o.sal, 'salTirocini.save', { id: null, fields: h.tirocinio({ beneficiarioId: b2, inizio: '2027-03-01', fine: '2027-05-31' }) });
    expect(over.message).toBe('Un ospitante con 4 dipendenti a tempo indeterminato può avere al massimo 1 tirocinante alla volta: ne ha già 1 tirocinio nello stesso periodo.');
    expect((await call(o.sal, 'salTirocini.list', { stato: 'tutti' })).tirocini).toHaveLength(1);
  });

  it('presenze: a month filled, the indennità explained; 9 hours or a day outside refused with nothing stored; the payment list and its CSV', async () => {
    const o = await office();
    const h = await withHost(o);
    const { id } = await call(o.sal, 'salTirocini.save', { id: null, fields: h.tirocinio() });
    const empty = await call(o.sal, 'salPresenze.month', { tirocinioId: id, month: '2027-02' });
    expect(empty.grid.filter((d) => d.kind === 'previsto')).toHaveLength(20);
    const days = empty.grid.filter((d) => d.kind === 'previsto').map((d, i) => ({ date: d.date, ore: i < 15 ? 4 : i === 15 ? 2 : 0, assenza: i > 15 ? 'malattia' : '' }));
    const saved = await call(o.sal, 'salPresenze.save', { tirocinioId: id, month: '2027-02', presenze: days });
    expect(saved.indennita.spiegazione.replace(/\u00a0/g, ' ')).toBe('ore previste 80, svolte 62 = 77,5% ≥ 70%: indennità piena 450,00 €');
    const nine = await callError(o.sal, 'salPresenze.save', { tirocinioId: id, month: '2027-02', presenze: [{ date: '2027-02-01', ore: 9, assenza: '' }] });
    expect(nine.message).toContain('01/02/2027: al massimo 8 ore al giorno (qui 9).');
    const outside = await callError(o.sal, 'salPresenze.save', { tirocinioId: id, month: '2027-01', presenze: [{ date: '2027-01-29', ore: 4, assenza: '' }] });
    expect(outside.message).toBe('29/01/2027: è fuori dal periodo del tirocinio, non si possono registrare ore.');
    const again = await call(o.sal, 'salPresenze.month', { tirocinioId: id, month: '2027-02' });
    expect(again.indennita.svolte).toBe(62);
    const list = await call(o.sal, 'salPagamenti.month', { month: '2027-02' });
    expect(list.rows.map((r) => [r.beneficiario, r.iban, r.importoCents, r.presenzeInserite])).toEqual([['Fabbri Lucia', 'IT60X0542811101000000123456', 45_000, true]]);
    const file = await call(o.sal, 'salPagamenti.export', { month: '2027-02', formato: 'csv' });
    expect(file.nome).toBe('pagamenti-sal-2027-02.csv');
    const csv = (await receiveDownload(o.sal, file.downloadId)).toString('utf8');
    expect(csv).toContain('Fabbri Lucia;');
    expect(csv).toContain(';450,00;');
  });

  it('proroga within the maximum, sospensione moving the end, esito assunzione', async () => {
    const o = await office();
    const h = await withHost(o);
    const { id } = await call(o.sal, 'salTirocini.save', { id: null, fields: h.tirocinio({ fine: '2027-05-31' }) });
    await call(o.sal, 'salTirocini.proroga', { id, nuovaFine: '2027-07-31', motivo: 'Consolidare le competenze' });
    expect((await callError(o.sal, 'salTirocini.proroga', { id, nuovaFine: '2027-08-31', motivo: 'Ancora' })).message).toContain('Durata massima 6 mesi');
    await call(o.sal, 'salTirocini.sospendi', { id, sospensione: { dal: '2027-04-01', al: '2027-04-30', motivo: 'malattia' } });
    expect((await call(o.sal, 'salTirocini.get', { id })).fineEffettiva).toBe('2027-08-30');
    expect((await callError(o.sal, 'salTirocini.esito', { id, esito: 'assunzione', data: '2027-08-31', contratto: '' })).message).toBe(
      'Per un’assunzione indica il tipo di contratto.',
    );
    await call(o.sal, 'salTirocini.esito', { id, esito: 'assunzione', data: '2027-08-31', contratto: 'Tempo determinato 12 mesi, part-time' });
    expect(await call(o.sal, 'salTirocini.get', { id })).toMatchObject({ stato: 'concluso', esito: 'assunzione' });
  });

  it('the signed convenzione PDF comes back byte for byte to those who read the register, each read audited; the others are refused', async () => {
    const o = await office();
    const { id: aziendaId } = await call(o.sal, 'salAziende.save', { id: null, fields: aziendaFields() });
    const pdf = signedPdf('Convenzione di tirocinio n. 12/2026 - firmata');
    const { id } = await call(o.sal, 'salAziende.addConvenzione', {
      aziendaId,
      numero: '12/2026',
      data: '2026-11-02',
      scadenza: '2028-11-01',
      uploadId: await sendUpload(o.sal, pdf),
    });
    const { id: senza } = await call(o.sal, 'salAziende.addConvenzione', { aziendaId, numero: '13/2026', data: '2026-11-02', scadenza: '2028-11-01', uploadId: null });
    expect((await call(o.sal, 'salAziende.get', { id: aziendaId })).convenzioni.map((c) => [c.numero, c.conFile])).toEqual([
      ['12/2026', true],
      ['13/2026', false],
    ]);
    for (const profile of ['mediatore_sal', 'assistente_sociale', 'coordinatore'] as const) {
      const meta = await call(o.team[profile].conn, 'salAziende.convenzionePdf', { id });
      expect(meta).toMatchObject({ nome: 'convenzione-12-2026.pdf', mime: 'application/pdf', dimensione: pdf.length, avviso: '' });
      expect((await receiveDownload(o.team[profile].conn, meta.downloadId)).equals(pdf)).toBe(true);
    }
    const file = path.join(tempDir('udc-conv-'), 'c.pdf');
    fs.writeFileSync(file, await receiveDownload(o.sal, (await call(o.sal, 'salAziende.convenzionePdf', { id })).downloadId));
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain('Convenzione di tirocinio n. 12/2026 - firmata');
    expect((await callError(o.sal, 'salAziende.convenzionePdf', { id: senza })).message).toBe('Per la convenzione n. 13/2026 non è stato caricato il PDF firmato.');
    expect((await callError(o.team.educatore.conn, 'salAziende.convenzionePdf', { id })).code).toBe('FORBIDDEN');

    // On disk it is encrypted: the PDF's text is nowhere in the data folder's files.
    const stored = fs.readdirSync(path.join(o.dataDir, 'allegati'));
    expect(stored).toHaveLength(1);
    expect(fs.readFileSync(path.join(o.dataDir, 'allegati', stored[0]!)).includes('Convenzione di tirocinio')).toBe(false);
    const db = await inspectDatabase(o.dataDir, ADMIN.username, ADMIN.password);
    const rows = db
      .prepare(`SELECT username, outcome, subject_type AS subject, subject_id AS subjectId, detail FROM audit_log WHERE action = 'salAziende.convenzionePdf' ORDER BY seq`)
      .all();
    db.close();
    expect(rows.filter((r) => (r as { outcome: string }).outcome !== 'denied')).toHaveLength(4);
    expect(rows[0]).toMatchObject({ username: o.team.mediatore_sal.username, subject: 'azienda', subjectId: aziendaId, detail: 'PDF della convenzione n. 12/2026' });
    expect(rows.some((r) => (r as { outcome: string; username: string }).outcome === 'denied' && (r as { username: string }).username === o.team.educatore.username)).toBe(true);

    // A file altered on disk is said so, never handed out.
    fs.writeFileSync(path.join(o.dataDir, 'allegati', stored[0]!), Buffer.from('rovinato'));
    expect((await callError(o.sal, 'salAziende.convenzionePdf', { id })).message).toBe(
      'Il PDF della convenzione n. 12/2026 manca o è stato alterato: ripristinalo dalla copia di sicurezza.',
    );
  });

  it('the educatore and the istruttore amministrativo are refused the SAL data, and the refusals are audited', async () => {
    const o = await office();
    const { beneficiarioId } = await withHost(o);
    for (const profile of ['educatore', 'amministrativo'] as const) {
      const conn = o.team[profile].conn;
      const refused = await callError(conn, 'salBeneficiari.get', { id: beneficiarioId });
      expect(refused.code).toBe('FORBIDDEN');
      expect(refused.message).toContain('non consente di consultare il registro SAL');
      expect((await callError(conn, 'salPagamenti.month', { month: '2027-02' })).code).toBe('FORBIDDEN');
    }
    const audit = await call(o.admin, 'audit.list', { log: 'data', limit: 100 });
    expect(JSON.stringify(audit).match(/salBeneficiari\.get/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
  });
});
