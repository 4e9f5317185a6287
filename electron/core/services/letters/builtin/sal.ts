import type { BuiltinTemplate } from './types';

/** Firme del tirocinante, del soggetto promotore e dell'ospitante. */
const FIRME_TRE = `<div class="firma"><div>Il tirocinante<div class="linea"></div>{{ persona.nome_completo }}</div><div>Per il soggetto promotore<div class="linea"></div>{{ tirocinio.tutor_promotore }}</div></div>
<div class="firma"><div></div><div>Per il soggetto ospitante<div class="linea"></div>{{ tirocinio.azienda }}</div></div>`;

export const CONVENZIONE_TIROCINIO: BuiltinTemplate = {
  name: 'convenzione_tirocinio',
  titolo: 'Convenzione di tirocinio',
  descrizione: 'Convenzione tra il soggetto promotore e l’azienda ospitante per i tirocini extracurricolari (DGR Umbria 202/2019).',
  destinatario: 'esterno',
  soggetti: ['tirocinio'],
  finestra: false,
  riservato: false,
  parti: [],
  sorgente: `<h1>Convenzione di tirocinio extracurricolare n. {{ tirocinio.convenzione_numero }}</h1>
<p class="piccolo">ai sensi della Deliberazione della Giunta regionale dell’Umbria n. 202/2019</p>
<p><strong>tra</strong> {{ zona.ente }}, per il Servizio di accompagnamento al lavoro della {{ zona.nome }}, soggetto promotore,</p>
<p><strong>e</strong> {{ tirocinio.azienda }}{% if tirocinio.azienda_codice %}, codice fiscale o partita IVA {{ tirocinio.azienda_codice }}{% endif %}, con sede in {{ tirocinio.azienda_indirizzo }}, {{ tirocinio.azienda_comune }}, soggetto ospitante,</p>
<p>si conviene quanto segue.</p>
<h2>Art. 1 – Oggetto</h2>
<p>Il soggetto ospitante si impegna ad accogliere presso le proprie strutture persone in tirocinio extracurricolare su proposta del soggetto promotore. Ogni tirocinio si svolge secondo un progetto formativo individuale, sottoscritto dal tirocinante, dal soggetto promotore e dal soggetto ospitante, che fa parte di questa convenzione.</p>
<h2>Art. 2 – Natura del tirocinio</h2>
<p>Il tirocinio non costituisce rapporto di lavoro. Al tirocinante è corrisposta l’indennità prevista dal progetto formativo.</p>
<h2>Art. 3 – Impegni del soggetto promotore</h2>
<p>Il soggetto promotore nomina un tutor che segue il tirocinio, mantiene i contatti con il soggetto ospitante, verifica l’andamento del progetto e rilascia l’attestazione finale.</p>
<h2>Art. 4 – Impegni del soggetto ospitante</h2>
<p>Il soggetto ospitante nomina un tutor aziendale, garantisce al tirocinante la formazione e le misure di salute e sicurezza previste dal D.Lgs. 81/2008, rispetta il progetto formativo e tiene il registro delle presenze.</p>
<h2>Art. 5 – Garanzie assicurative</h2>
<p>Il tirocinante è assicurato contro gli infortuni sul lavoro presso l’INAIL ({{ tirocinio.inail }}) e per la responsabilità civile verso terzi ({{ tirocinio.rc }}).</p>
<h2>Art. 6 – Durata</h2>
<p>La convenzione decorre dal {{ tirocinio.convenzione_data | data_parole }} e scade il {{ tirocinio.convenzione_scadenza | data_parole }}.</p>
<h2>Art. 7 – Protezione dei dati personali</h2>
<p>Le parti trattano i dati personali del tirocinante solo per le finalità di questa convenzione, nel rispetto del Regolamento (UE) 2016/679. Il soggetto promotore comunica al soggetto ospitante solo i dati necessari allo svolgimento del tirocinio.</p>
<div class="firma"><div>Per il soggetto promotore<div class="linea"></div>{{ zona.ente }}</div><div>Per il soggetto ospitante<div class="linea"></div>{{ tirocinio.azienda }}</div></div>`,
};

export const PROGETTO_FORMATIVO: BuiltinTemplate = {
  name: 'progetto_formativo',
  titolo: 'Progetto formativo individuale',
  descrizione: 'Il progetto del tirocinio: obiettivi, mansione, sede, tutor, orario, durata, indennità e coperture assicurative.',
  destinatario: 'esterno',
  soggetti: ['tirocinio'],
  finestra: false,
  riservato: false,
  parti: [],
  sorgente: `<h1>Progetto formativo individuale</h1>
<p class="piccolo">Tirocinio extracurricolare – convenzione n. {{ tirocinio.convenzione_numero }} del {{ tirocinio.convenzione_data | data }}</p>
<h2>Tirocinante</h2>
<p>{{ persona.nome_completo }}{% if persona.codice_fiscale %}, codice fiscale {{ persona.codice_fiscale }}{% endif %}{% if persona.data_nascita %}, {{ persona.nato }} il {{ persona.data_nascita | data }}{% endif %}{% if persona.comune %}, residente a {{ persona.comune }}{% endif %}</p>
<h2>Soggetto promotore</h2>
<p>{{ zona.ente }} – Servizio di accompagnamento al lavoro della {{ zona.nome }}. Tutor: {{ tirocinio.tutor_promotore }}</p>
<h2>Soggetto ospitante</h2>
<p>{{ tirocinio.azienda }}{% if tirocinio.azienda_codice %}, codice fiscale o partita IVA {{ tirocinio.azienda_codice }}{% endif %}. Tutor aziendale: {{ tirocinio.tutor_aziendale }}</p>
<table>
<tr><th style="width:30%">Sede di svolgimento</th><td>{{ tirocinio.sede_svolgimento }}</td></tr>
<tr><th>Mansione</th><td>{{ tirocinio.mansione }}</td></tr>
<tr><th>Obiettivi formativi</th><td class="testo-libero">{{ tirocinio.obiettivi }}</td></tr>
<tr><th>Durata</th><td>dal {{ tirocinio.inizio | data_parole }} al {{ tirocinio.fine | data_parole }}</td></tr>
<tr><th>Orario</th><td>{{ tirocinio.ore_settimanali }} ore settimanali: {{ tirocinio.orario }}</td></tr>
<tr><th>Indennità</th><td>corrisposta da {{ tirocinio.pagato_da }}, in base alle ore di presenza</td></tr>
<tr><th>Assicurazione INAIL</th><td>{{ tirocinio.inail }}</td></tr>
<tr><th>Responsabilità civile</th><td>{{ tirocinio.rc }}</td></tr>
</table>
<p>Il tirocinante si impegna a seguire le indicazioni dei tutor, a rispettare le norme di salute e sicurezza e a mantenere la riservatezza sulle informazioni dell’azienda.</p>
${FIRME_TRE}`,
};

export const REGISTRO_PRESENZE: BuiltinTemplate = {
  name: 'registro_presenze',
  titolo: 'Registro presenze',
  descrizione: 'La griglia del mese con le ore registrate, da firmare dal tirocinante e dal tutor aziendale.',
  destinatario: 'esterno',
  soggetti: ['tirocinio'],
  finestra: false,
  riservato: false,
  parti: [],
  sorgente: `<h1>Registro presenze – {{ tirocinio.mese }}</h1>
<p><strong>Tirocinante:</strong> {{ persona.nome_completo }} – <strong>Soggetto ospitante:</strong> {{ tirocinio.azienda }} – <strong>Tutor aziendale:</strong> {{ tirocinio.tutor_aziendale }}</p>
<table><thead><tr><th style="width:14%">Data</th><th style="width:14%">Giorno</th><th style="width:10%">Ore</th><th style="width:22%">Note</th><th>Firma del tirocinante</th><th>Firma del tutor</th></tr></thead>
<tbody>{% for g in tirocinio.giorni %}<tr{% if g.festivo != "" %} class="festivo"{% endif %}><td>{{ g.data }}</td><td>{{ g.giorno }}</td><td>{{ g.ore }}</td><td>{{ g.assenza }}{% if g.festivo != "" %}{{ g.festivo }}{% endif %}</td><td></td><td></td></tr>{% endfor %}</tbody></table>
<p><strong>Ore svolte nel mese:</strong> {{ tirocinio.ore_mese }}</p>
<div class="firma"><div>Il tirocinante<div class="linea"></div>{{ persona.nome_completo }}</div><div>Il tutor aziendale<div class="linea"></div>{{ tirocinio.tutor_aziendale }}</div></div>`,
};

export const ATTESTAZIONE_FINALE: BuiltinTemplate = {
  name: 'attestazione_finale',
  titolo: 'Attestazione finale del tirocinio',
  descrizione: 'Attesta il tirocinio svolto: azienda, periodo, ore, mansione e competenze acquisite.',
  destinatario: 'esterno',
  soggetti: ['tirocinio'],
  finestra: false,
  riservato: false,
  parti: [{ nome: 'competenze', label: 'Competenze acquisite', predefinito: '', multilinea: true, obbligatorio: true }],
  sorgente: `<h1>Attestazione finale del tirocinio</h1>
<p>Si attesta che <strong>{{ persona.nome_completo }}</strong>{% if persona.codice_fiscale %}, codice fiscale {{ persona.codice_fiscale }}{% endif %}{% if persona.data_nascita %}, {{ persona.nato }} il {{ persona.data_nascita | data_parole }}{% endif %}, ha svolto un tirocinio extracurricolare presso {{ tirocinio.azienda }}, sede di {{ tirocinio.sede_svolgimento }}, dal {{ tirocinio.inizio | data_parole }} al {{ tirocinio.fine | data_parole }}, per complessive {{ tirocinio.ore_totali }} ore, con la mansione di {{ tirocinio.mansione }}.</p>
<h2>Obiettivi del progetto formativo</h2>
<p class="testo-libero">{{ tirocinio.obiettivi }}</p>
<h2>Competenze acquisite</h2>
<p class="testo-libero">{{ libero.competenze }}</p>
<p>Il tirocinio è stato promosso da {{ zona.ente }} per il Servizio di accompagnamento al lavoro della {{ zona.nome }}, convenzione n. {{ tirocinio.convenzione_numero }}.</p>
<div class="firma"><div>Il tutor del soggetto promotore<div class="linea"></div>{{ tirocinio.tutor_promotore }}</div><div>Il tutor aziendale<div class="linea"></div>{{ tirocinio.tutor_aziendale }}</div></div>`,
};
