import type { RegistroData } from '../../../../shared/contracts/records';
import { escapeHtml } from '../letters/engine';
import { documentHtml, type Letterhead } from '../letters/layout';
import type { WindowPreset } from '../../../../shared/domain/letters';

function paragraphs(text: string, empty = 'da indicare'): string {
  const t = text.trim();
  return t === '' ? `<p class="manca">${escapeHtml(empty)}</p>` : `<p class="testo-libero">${escapeHtml(t)}</p>`;
}

function row(label: string, content: string): string {
  return `<tr><th style="width:32%">${escapeHtml(label)}</th><td>${content}</td></tr>`;
}

/** The art. 30 record as an A4 document on the zone's letterhead. */
export function registroHtml(r: RegistroData, opts: { letterhead: Letterhead; logo: string | null; finestra: WindowPreset; luogoData: string; zona: string }): string {
  const f = r.fields;
  const retention = `Cartelle sociali: ${r.conservazioneAnni} anni dalla chiusura; poi riesame e, con l’autorizzazione della Soprintendenza archivistica (art. 21 D.Lgs. 42/2004), scarto preceduto da un’esportazione cifrata. Il registro degli accessi resta: nomina identificativi, non contenuti. Documenti di valore permanente: conservazione illimitata secondo il piano di conservazione dell’ente.`;
  const misure = `<ul>${[...r.misureProgramma, ...(f.misureAggiuntive.trim() ? [f.misureAggiuntive.trim()] : [])].map((m) => `<li>${escapeHtml(m)}</li>`).join('')}</ul>`;
  const body = `<h1>Registro delle attività di trattamento</h1>
<p class="oggetto">Art. 30, par. 1, Regolamento (UE) 2016/679 — ${escapeHtml(opts.zona)}: Ufficio della Cittadinanza</p>
<table>
${row('Titolare del trattamento', `${paragraphs(f.titolare)}${f.titolareContatti.trim() ? paragraphs(f.titolareContatti) : ''}`)}
${row('Contitolari (gestione associata, L. 328/2000)', paragraphs(r.comuni.map((c) => `Comune di ${c}`).join(', ')))}
${row('Responsabile della protezione dei dati', `${paragraphs(f.dpo)}${paragraphs(f.dpoContatti)}`)}
${row('Finalità del trattamento', paragraphs(f.finalita))}
${row('Basi giuridiche', paragraphs(f.basiGiuridiche))}
${row('Categorie di interessati', paragraphs(f.categorieInteressati))}
${row('Categorie di dati personali', paragraphs(f.categorieDati))}
${row('Categorie di destinatari', paragraphs(f.destinatari))}
${row('Trasferimenti verso paesi terzi', paragraphs(f.trasferimenti, 'nessuno'))}
${row('Termini di conservazione', paragraphs(retention))}
${row('Misure di sicurezza tecniche e organizzative (art. 32)', misure)}
</table>
<div class="firma"><div></div><div><div>Il titolare del trattamento</div><div class="linea"></div></div></div>`;
  return documentHtml({
    titolo: 'Registro delle attività di trattamento',
    letterhead: opts.letterhead,
    logo: opts.logo,
    finestra: opts.finestra,
    letters: [{ body, destinatario: null, luogoData: opts.luogoData, protocollo: 'Versione stampata dal programma', ristampa: null }],
  });
}
