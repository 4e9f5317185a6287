import PersonAddOutlined from '@mui/icons-material/PersonAddOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import type { SessionInfoData } from '../../../shared/contracts/auth';
import { PageTitle } from '../../components/PageTitle';
import { href, navigate } from '../../router/hash-router';
import { SearchBox, SearchFiltersBar, choicePath, clearPageSearch, selectFilters, selectQuery, setPageFilters, setPageQuery, useSearchStore } from '../search';
import { allows } from '../session';

/** #/persone: find anyone (what the profile may see: the core filters), or register someone new. */
export function PersonsPage({ session }: { session: SessionInfoData }) {
  const query = useSearchStore(selectQuery);
  const filters = useSearchStore(selectFilters);
  return (
    <>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 2, flexWrap: 'wrap' }}>
        <PageTitle subtitle="Anagrafica, nuclei familiari e cartelle sociali. Da qualsiasi pagina: Ctrl+K per cercare.">Persone e cartelle</PageTitle>
        {allows(session, 'persona.write') ? (
          <Button variant="contained" startIcon={<PersonAddOutlined />} href={href('/persone/nuova')}>
            Nuova persona
          </Button>
        ) : null}
      </Box>
      <Paper component="section" variant="outlined" aria-label="Ricerca" role="search" sx={{ p: { xs: 2, md: 3 } }}>
        <SearchBox query={query} onQueryChange={setPageQuery} filters={filters} autoFocus onEscape={clearPageSearch} onChoose={(c) => navigate(choicePath(c))}>
          <SearchFiltersBar filters={filters} onChange={setPageFilters} />
        </SearchBox>
      </Paper>
    </>
  );
}
