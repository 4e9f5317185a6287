/** Common Italian surnames and names, streets and diary phrases for synthetic demo data. */
export const COGNOMI = [
  'Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno', 'Gallo', 'Conti',
  'De Luca', 'Mancini', 'Costa', 'Giordano', 'Rizzo', 'Lombardi', 'Moretti', 'Barbieri', 'Fontana', 'Santoro', 'Mariani', 'Rinaldi',
  'Caruso', 'Ferrara', 'Galli', 'Martini', 'Leone', 'Longo', 'Gentile', 'Martinelli', 'Vitale', 'Lombardo', 'Serra', 'Coppola',
  'De Santis', "D'Angelo", 'Marchetti', 'Parisi', 'Villa', 'Conte', 'Ferraro', 'Ferri', 'Fabbri', 'Bianco', 'Marini', 'Grasso',
  'Valentini', 'Messina', 'Sala', 'De Angelis', 'Gatti', 'Pellegrini', 'Palumbo', 'Sanna', 'Farina', 'Rizzi', 'Monti', 'Cattaneo',
  'Morelli', 'Amato', 'Silvestri', 'Mazza', 'Testa', 'Grassi', 'Pellegrino', 'Carbone', 'Giuliani', 'Benedetti', 'Barone', 'Rossetti',
  'Caputo', 'Montanari', 'Guerra', 'Palmieri', 'Bernardi', 'Martino', 'Fiore', 'De Rosa', 'Ferretti', 'Bellini', 'Basile', 'Riva',
  'Donati', 'Piras', 'Vitali', 'Battaglia', 'Sartori', 'Neri', 'Costantini', 'Milani', 'Pagano', 'Ruggiero', 'Sorrentino', "D'Amico",
  'Orlando', 'Damico', 'Negri', 'Cecconi', 'Proietti', 'Sciarra', 'Tomassini', 'Pernazza', 'Angelini', 'Bartolini', 'Paolucci',
  'Cruciani', 'Rosati', 'Fratini', 'Moscatelli', 'Carletti', 'Sensini', 'Mastrangelo', 'Nicolò', 'Àlvarez', 'Popescu', 'Kaur', 'El Amrani',
  'Hoxha', 'Ionescu', 'Diallo', 'Nowak', 'Kovačević', 'Benali', 'Singh', 'Chen', 'Sokolova',
];

export const NOMI_M = [
  'Giuseppe', 'Giovanni', 'Antonio', 'Mario', 'Luigi', 'Francesco', 'Angelo', 'Vincenzo', 'Pietro', 'Salvatore', 'Carlo', 'Franco',
  'Domenico', 'Bruno', 'Paolo', 'Michele', 'Giorgio', 'Aldo', 'Sergio', 'Luciano', 'Alessandro', 'Andrea', 'Marco', 'Luca', 'Matteo',
  'Lorenzo', 'Davide', 'Simone', 'Federico', 'Riccardo', 'Gabriele', 'Tommaso', 'Leonardo', 'Nicolò', 'Fabrizio', 'Stefano', 'Massimo',
  'Roberto', 'Claudio', 'Enrico', 'Emanuele', 'Daniele', 'Ahmed', 'Mohamed', 'Ion', 'Arjan', 'Mamadou',
];

export const NOMI_F = [
  'Maria', 'Anna', 'Giuseppina', 'Rosa', 'Angela', 'Giovanna', 'Teresa', 'Lucia', 'Carmela', 'Caterina', 'Francesca', 'Antonietta',
  'Carla', 'Elena', 'Rita', 'Paola', 'Giulia', 'Chiara', 'Sara', 'Martina', 'Alessia', 'Valentina', 'Federica', 'Silvia', 'Laura',
  'Elisa', 'Sofia', 'Aurora', 'Ginevra', 'Beatrice', 'Alice', 'Emma', 'Greta', 'Noemi', 'Serena', 'Monica', 'Roberta', 'Daniela',
  'Simona', 'Fatima', 'Elena Maria', 'Ioana', 'Aisha', 'Mariam',
];

export const VIE = [
  'Via Roma', 'Via Garibaldi', 'Via Mazzini', 'Via Cavour', 'Corso Vittorio Emanuele', 'Via XX Settembre', 'Via della Repubblica',
  'Piazza Garibaldi', 'Via del Mercato', 'Via dei Priori', 'Via Flaminia', 'Via Amerina', 'Via Tiberina', 'Via San Francesco',
  'Via della Libertà', 'Via Giuseppe Verdi', 'Via Aldo Moro', 'Via Fratelli Cervi', 'Strada Ortana', 'Via del Borgo',
];

export const DIARY_OPENINGS = [
  'Colloquio in sede con la persona, che si presenta puntuale.',
  'Visita domiciliare concordata: la casa è ordinata ma fredda.',
  'Telefonata della figlia, preoccupata per la situazione economica.',
  'Riunione d’équipe con il centro per l’impiego e il medico di base.',
  'La persona riferisce di aver perso il lavoro a tempo determinato.',
  'Si rileva difficoltà nel pagamento delle utenze degli ultimi mesi.',
];

export const DIARY_BODIES = [
  'Si concorda di presentare domanda per il contributo affitto e di aggiornare l’ISEE.',
  'Emergono tensioni familiari legate alla gestione dei figli; si propone un percorso con il consultorio.',
  'Si valuta l’attivazione dell’assistenza domiciliare per alcune ore settimanali.',
  'La persona è disponibile a un tirocinio: si coinvolge il SAL per la ricerca di un’azienda ospitante.',
  'Si consegna l’informativa sul trattamento dei dati e si raccoglie la presa visione.',
  'Si fissa un nuovo colloquio tra due settimane per verificare gli impegni presi.',
  'Il figlio frequenta regolarmente la scuola; la maestra segnala miglioramenti.',
  'Si accompagna la persona al patronato per la domanda di invalidità civile.',
];
