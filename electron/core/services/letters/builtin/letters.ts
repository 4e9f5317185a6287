import { FIRMA_OPERATORE, type BuiltinTemplate } from './types';

const TUTTI = ['persona', 'cartella', 'appuntamento', 'tirocinio'] as const;

export const CONVOCAZIONE: BuiltinTemplate = {
  name: 'convocazione',
  titolo: 'Convocazione',
  descrizione: 'Invito a un colloquio o a un appuntamento, dall’agenda: data, ora, sede, stanza, operatore e cosa portare.',
  destinatario: 'interno',
  soggetti: ['appuntamento'],
  finestra: true,
  riservato: false,
  parti: [
    { nome: 'cosa_portare', label: 'Cosa portare', predefinito: 'un documento di identità valido e la tessera sanitaria', multilinea: true, obbligatorio: true },
    { nome: 'note', label: 'Note (facoltative)', predefinito: '', multilinea: true, obbligatorio: false },
  ],
  sorgente: `<p class="oggetto">Oggetto: invito a un appuntamento presso l’Ufficio della Cittadinanza</p>
<p>{{ persona.saluto }} {{ persona.nome_completo }},</p>
<p>La invitiamo all’appuntamento indicato di seguito.</p>
<div class="riquadro">
<p><strong>Quando:</strong> {{ appuntamento.data | data_estesa }}, {{ appuntamento.ora | ora }}</p>
<p><strong>Dove:</strong> {{ appuntamento.luogo }}{% if appuntamento.sede_indirizzo %}, {{ appuntamento.sede_indirizzo }}{% endif %}</p>
<p><strong>Con:</strong> {{ appuntamento.operatore }}</p>
<p><strong>Per:</strong> {{ appuntamento.tipo }}</p>
</div>
<p>Le chiediamo di portare con sé:</p>
<p class="testo-libero">{{ libero.cosa_portare }}</p>
{% if libero.note %}<p class="testo-libero">{{ libero.note }}</p>{% endif %}
<p>Se non potesse venire, La preghiamo di avvisarci per tempo{% if appuntamento.sede_telefono %} al numero {{ appuntamento.sede_telefono }}{% endif %}: fisseremo insieme un nuovo appuntamento.</p>
<p>Cordiali saluti.</p>
${FIRMA_OPERATORE}`,
};

export const PRESA_IN_CARICO: BuiltinTemplate = {
  name: 'presa_in_carico',
  titolo: 'Lettera di presa in carico',
  descrizione: 'Comunica alla persona che il servizio sociale l’ha presa in carico e chi è l’operatore di riferimento.',
  destinatario: 'interno',
  soggetti: ['cartella'],
  finestra: true,
  riservato: false,
  parti: [{ nome: 'testo', label: 'Testo aggiuntivo (facoltativo)', predefinito: '', multilinea: true, obbligatorio: false }],
  sorgente: `<p class="oggetto">Oggetto: presa in carico da parte del servizio sociale</p>
<p>{{ persona.saluto }} {{ persona.nome_completo }},</p>
<p>Le comunichiamo che il servizio sociale professionale dell’Ufficio della Cittadinanza ha preso in carico la Sua richiesta. La Sua cartella sociale è la n. {{ cartella.numero }}, aperta il {{ cartella.aperta_il | data_parole }} presso la sede di {{ cartella.sede }}.</p>
<p>L’operatore di riferimento è {{ cartella.operatore }} ({{ cartella.operatore_profilo | minuscolo }}), che può contattare{% if cartella.sede_telefono %} al numero {{ cartella.sede_telefono }}{% endif %} presso la sede di {{ cartella.sede }}{% if cartella.sede_indirizzo %}, {{ cartella.sede_indirizzo }}{% endif %}.</p>
<p>Nei prossimi incontri definiremo insieme a Lei un progetto personalizzato, con gli obiettivi e gli interventi più adatti alla Sua situazione.</p>
{% if libero.testo %}<p class="testo-libero">{{ libero.testo }}</p>{% endif %}
<p>Cordiali saluti.</p>
${FIRMA_OPERATORE}`,
};

export const CHIUSURA: BuiltinTemplate = {
  name: 'chiusura',
  titolo: 'Lettera di chiusura',
  descrizione: 'Comunica la conclusione del percorso e la chiusura della cartella sociale.',
  destinatario: 'interno',
  soggetti: ['cartella'],
  finestra: true,
  riservato: false,
  parti: [{ nome: 'motivazione', label: 'Motivazione da comunicare (facoltativa)', predefinito: '', multilinea: true, obbligatorio: false }],
  sorgente: `<p class="oggetto">Oggetto: conclusione del percorso con il servizio sociale</p>
<p>{{ persona.saluto }} {{ persona.nome_completo }},</p>
<p>Le comunichiamo che il {{ cartella.chiusa_il | data_parole }} il percorso avviato con l’Ufficio della Cittadinanza si è concluso e la cartella sociale n. {{ cartella.numero }} è stata chiusa.</p>
{% if libero.motivazione %}<p class="testo-libero">{{ libero.motivazione }}</p>{% endif %}
<p>I Suoi dati restano conservati come prevede la legge per la documentazione dei servizi pubblici. Se in futuro ne avesse di nuovo bisogno, può rivolgersi in qualsiasi momento all’Ufficio della Cittadinanza{% if cartella.sede_telefono %} (telefono {{ cartella.sede_telefono }}){% endif %}.</p>
<p>Cordiali saluti.</p>
${FIRMA_OPERATORE}`,
};

const LINEA = '<span class="campo"></span>';
const opzionale = (campo: string) => `{% if ${campo} %}{{ ${campo} }}{% else %}${LINEA}{% endif %}`;

export const DOMANDA_ACCESSO: BuiltinTemplate = {
  name: 'domanda_accesso',
  titolo: 'Domanda di accesso ai servizi sociali',
  descrizione: 'Modulo di domanda con i dati anagrafici già compilati, da firmare allo sportello.',
  destinatario: 'interno',
  soggetti: TUTTI,
  finestra: false,
  riservato: false,
  parti: [
    { nome: 'servizio', label: 'Servizio o intervento richiesto', predefinito: '', multilinea: true, obbligatorio: true },
    { nome: 'motivo', label: 'Motivo della richiesta (facoltativo)', predefinito: '', multilinea: true, obbligatorio: false },
  ],
  sorgente: `<h1>Domanda di accesso ai servizi sociali</h1>
<p>Al {{ zona.intestazione }}</p>
<h2>Chi presenta la domanda</h2>
<p>{{ persona.nome_completo }}, codice fiscale ${opzionale('persona.codice_fiscale')}, {{ persona.nato }} a ${opzionale('persona.luogo_nascita')} il {% if persona.data_nascita %}{{ persona.data_nascita | data }}{% else %}${LINEA}{% endif %}, residente a ${opzionale('persona.comune')} in ${opzionale('persona.indirizzo')}, telefono ${opzionale('persona.telefono')}, email ${opzionale('persona.email')}.</p>
<h2>Chiede</h2>
<p class="testo-libero">{{ libero.servizio }}</p>
{% if libero.motivo %}<p class="testo-libero">{{ libero.motivo }}</p>{% endif %}
<h2>Dichiara</h2>
<p>consapevole delle sanzioni previste dagli articoli 75 e 76 del D.P.R. 445/2000 per le dichiarazioni false, che i dati indicati sono veri, e si impegna a comunicare ogni variazione.</p>
<p>Dichiara inoltre di aver ricevuto l’informativa sul trattamento dei dati personali (art. 13 del Regolamento UE 2016/679).</p>
<div class="firma"><div>{{ documento.luogo }}, {{ documento.data | data }}</div><div>Firma di chi presenta la domanda<div class="linea"></div>{{ persona.nome_completo }}</div></div>
<div class="firma"><div></div><div>Domanda ricevuta da {{ operatore.nome }}<div class="linea"></div>{{ operatore.profilo }}</div></div>`,
};
