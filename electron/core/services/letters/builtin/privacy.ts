import { FIRMA_OPERATORE, type BuiltinTemplate } from './types';

const TUTTI = ['persona', 'cartella', 'appuntamento', 'tirocinio'] as const;

export const INFORMATIVA_PRIVACY: BuiltinTemplate = {
  name: 'informativa_privacy',
  titolo: 'Informativa sul trattamento dei dati personali',
  descrizione: 'Informativa ai sensi dell’art. 13 del Regolamento UE 2016/679 per un ente pubblico, con la presa visione da firmare.',
  destinatario: 'interno',
  soggetti: TUTTI,
  finestra: false,
  riservato: false,
  parti: [
    {
      nome: 'contatti_rpd',
      label: 'Contatti del Responsabile della protezione dei dati',
      predefinito: 'ai recapiti pubblicati sul sito istituzionale dell’ente, nella sezione «Privacy»',
      multilinea: false,
      obbligatorio: true,
    },
  ],
  sorgente: `<h1>Informativa sul trattamento dei dati personali</h1>
<p class="piccolo">ai sensi dell’articolo 13 del Regolamento (UE) 2016/679 («Regolamento») e del D.Lgs. 196/2003 («Codice privacy»)</p>
<h2>Chi tratta i dati</h2>
<p>Titolare del trattamento è {{ zona.ente }}, che gestisce in forma associata i servizi sociali della {{ zona.nome }} (legge 328/2000). Il Responsabile della protezione dei dati si può contattare {{ libero.contatti_rpd }}.</p>
<h2>Perché trattiamo i dati e su quale base</h2>
<p>Trattiamo i Suoi dati per accoglierLa, valutare la Sua situazione e realizzare gli interventi e i servizi sociali di cui ha bisogno, e per gli adempimenti che la legge ci chiede (ad esempio le comunicazioni al Sistema informativo unitario dei servizi sociali dell’INPS).</p>
<p>La base giuridica è l’esecuzione di un compito di interesse pubblico e l’esercizio di pubblici poteri (art. 6, paragrafo 1, lettera e, del Regolamento). I dati di categorie particolari, ad esempio quelli sulla salute, sono trattati per motivi di interesse pubblico rilevante (art. 9, paragrafo 2, lettera g, del Regolamento e art. 2-sexies del Codice privacy) e per finalità di assistenza sociale (art. 9, paragrafo 2, lettera h).</p>
<p><strong>Per questi trattamenti non Le chiediamo il consenso</strong>: sono necessari per svolgere il servizio. Le chiederemo un consenso a parte solo per attività diverse (ad esempio comunicare i Suoi dati a un’azienda che La ospita in tirocinio); quel consenso è libero e si può revocare in qualsiasi momento.</p>
<h2>Quali dati</h2>
<p>Dati anagrafici e di contatto, dati sulla famiglia, sulla situazione economica (ad esempio l’ISEE), lavorativa e abitativa e, se servono per il servizio, dati sulla salute o su procedimenti giudiziari.</p>
<h2>Come li trattiamo e a chi li comunichiamo</h2>
<p>I dati sono trattati dal personale autorizzato dell’Ufficio della Cittadinanza, su carta e con strumenti informatici protetti (archivio cifrato, registro degli accessi). Possono essere comunicati, solo quando una norma lo prevede o quando è necessario per il servizio, ad altri enti pubblici (Comuni della zona, Azienda sanitaria, INPS, Autorità giudiziaria) e ai soggetti che collaborano all’erogazione dei servizi, nominati responsabili del trattamento. Non sono diffusi né trasferiti fuori dall’Unione europea.</p>
<h2>Per quanto tempo</h2>
<p>Per il tempo necessario al servizio e poi secondo i tempi di conservazione della documentazione degli enti pubblici.</p>
<h2>I Suoi diritti</h2>
<p>Può chiedere di accedere ai Suoi dati e di sapere chi li ha consultati, di correggerli o di limitarne il trattamento, e può opporsi al trattamento (articoli 15-18 e 21 del Regolamento); la cancellazione è possibile nei limiti previsti per i dati trattati per compiti di interesse pubblico (art. 17, paragrafo 3). Può presentare reclamo al Garante per la protezione dei dati personali (www.garanteprivacy.it).</p>
<p>Fornire i dati è necessario per accedere al servizio: senza di essi non possiamo valutare la Sua richiesta.</p>
<div class="riquadro">
<p><strong>Presa visione</strong></p>
<p>Io sottoscritto/a {{ persona.nome_completo }}{% if persona.codice_fiscale %}, codice fiscale {{ persona.codice_fiscale }}{% endif %}, dichiaro di aver ricevuto e letto questa informativa.</p>
<div class="firma"><div>{{ documento.luogo }}, {{ documento.data | data }}</div><div>Firma<div class="linea"></div>{{ persona.nome_completo }}</div></div>
</div>`,
};

export const CONSENSO_AZIENDA: BuiltinTemplate = {
  name: 'consenso_azienda',
  titolo: 'Consenso alla comunicazione dei dati all’azienda ospitante',
  descrizione: 'Consenso specifico, facoltativo e revocabile, a comunicare all’azienda ospitante i dati necessari al tirocinio.',
  destinatario: 'interno',
  soggetti: ['tirocinio'],
  finestra: false,
  riservato: false,
  parti: [],
  sorgente: `<h1>Consenso alla comunicazione dei dati personali all’azienda ospitante</h1>
<p>Io sottoscritto/a {{ persona.nome_completo }}{% if persona.codice_fiscale %}, codice fiscale {{ persona.codice_fiscale }}{% endif %}, informato/a sul trattamento dei miei dati personali (art. 13 del Regolamento UE 2016/679),</p>
<p>in relazione al tirocinio presso <strong>{{ tirocinio.azienda }}</strong>{% if tirocinio.azienda_codice %} (codice fiscale o partita IVA {{ tirocinio.azienda_codice }}){% endif %}, promosso dal Servizio di accompagnamento al lavoro della {{ zona.nome }}:</p>
<p>☐ <strong>do il consenso</strong> &nbsp; ☐ <strong>non do il consenso</strong></p>
<p>a comunicare all’azienda i miei dati anagrafici e di contatto e le informazioni sul percorso necessarie ad attivare e seguire il tirocinio;</p>
<p>☐ <strong>do il consenso</strong> &nbsp; ☐ <strong>non do il consenso</strong></p>
<p>a comunicare all’azienda, solo se servono ad adattare la mansione o il luogo di lavoro, informazioni sul mio stato di salute o sull’invalidità.</p>
<p>So che il consenso è facoltativo: se non lo do, il servizio prosegue e cercheremo insieme un’altra soluzione. Posso revocarlo in qualsiasi momento, senza conseguenze sul trattamento fatto prima della revoca (art. 7, paragrafo 3, del Regolamento).</p>
<div class="firma"><div>{{ documento.luogo }}, {{ documento.data | data }}</div><div>Firma<div class="linea"></div>{{ persona.nome_completo }}</div></div>
<div class="firma"><div></div><div>Consenso raccolto da {{ operatore.nome }}<div class="linea"></div>{{ operatore.profilo }}</div></div>`,
};

export const RELAZIONE_SOCIALE: BuiltinTemplate = {
  name: 'relazione_sociale',
  titolo: 'Relazione sociale',
  descrizione: 'Relazione dell’assistente sociale o dello psicologo (anche per il Tribunale per i minorenni). Riservata agli operatori della cartella.',
  destinatario: 'interno',
  soggetti: ['cartella'],
  finestra: false,
  riservato: true,
  parti: [
    { nome: 'destinatario', label: 'A chi è indirizzata', predefinito: '', multilinea: true, obbligatorio: true },
    { nome: 'oggetto', label: 'Oggetto', predefinito: 'Relazione sociale', multilinea: false, obbligatorio: true },
    { nome: 'situazione', label: 'Situazione personale e familiare', predefinito: '', multilinea: true, obbligatorio: true },
    { nome: 'interventi', label: 'Interventi svolti', predefinito: '', multilinea: true, obbligatorio: false },
    { nome: 'valutazione', label: 'Valutazione professionale', predefinito: '', multilinea: true, obbligatorio: true },
    { nome: 'proposte', label: 'Proposte', predefinito: '', multilinea: true, obbligatorio: false },
  ],
  sorgente: `<p class="piccolo"><strong>DOCUMENTO RISERVATO</strong>: contiene dati personali anche di categorie particolari; non va diffuso né consegnato a persone diverse dal destinatario.</p>
<p class="testo-libero">{{ libero.destinatario }}</p>
<p class="oggetto">Oggetto: {{ libero.oggetto }} – {{ persona.nome_completo }}{% if persona.data_nascita %}, {{ persona.nato }} il {{ persona.data_nascita | data }}{% endif %} (cartella n. {{ cartella.numero }})</p>
<h2>Situazione personale e familiare</h2>
<p class="testo-libero">{{ libero.situazione }}</p>
{% if libero.interventi %}<h2>Interventi svolti</h2>
<p class="testo-libero">{{ libero.interventi }}</p>{% endif %}
<h2>Valutazione professionale</h2>
<p class="testo-libero">{{ libero.valutazione }}</p>
{% if libero.proposte %}<h2>Proposte</h2>
<p class="testo-libero">{{ libero.proposte }}</p>{% endif %}
${FIRMA_OPERATORE}`,
};

export const PAI: BuiltinTemplate = {
  name: 'pai',
  titolo: 'Progetto di assistenza individualizzato (PAI)',
  descrizione: 'Il PAI attivo della cartella con i suoi obiettivi, da condividere e firmare con la persona.',
  destinatario: 'interno',
  soggetti: ['cartella'],
  finestra: false,
  riservato: false,
  parti: [{ nome: 'impegni', label: 'Impegni della persona (facoltativi)', predefinito: '', multilinea: true, obbligatorio: false }],
  sorgente: `<h1>Progetto di assistenza individualizzato (PAI)</h1>
<p><strong>Persona:</strong> {{ persona.nome_completo }}{% if persona.codice_fiscale %}, codice fiscale {{ persona.codice_fiscale }}{% endif %}<br>
<strong>Cartella:</strong> n. {{ cartella.numero }} – operatore di riferimento {{ cartella.operatore }}<br>
<strong>Avvio:</strong> {{ pai.data_avvio | data_parole }} – revisione ogni {{ pai.revisione_mesi }} mesi, la prossima entro il {{ pai.prossima_revisione | data_parole }}</p>
<h2>Obiettivi</h2>
<table><thead><tr><th style="width:22%">Termine</th><th>Obiettivo</th><th style="width:18%">Esito</th></tr></thead>
<tbody>{% for o in pai.obiettivi %}<tr><td>{{ o.termine }}</td><td>{{ o.descrizione }}</td><td>{{ o.esito }}</td></tr>{% endfor %}</tbody></table>
{% if pai.note %}<h2>Note</h2><p class="testo-libero">{{ pai.note }}</p>{% endif %}
{% if libero.impegni %}<h2>Impegni della persona</h2><p class="testo-libero">{{ libero.impegni }}</p>{% endif %}
<p>Il progetto è stato definito insieme alla persona, che lo condivide.</p>
<div class="firma"><div>La persona<div class="linea"></div>{{ persona.nome_completo }}</div><div>{{ cartella.operatore_profilo }}<div class="linea"></div>{{ cartella.operatore }}</div></div>`,
};
