import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { useEffect, useId, useState } from 'react';
import { useLocked } from '../../components/lock-context';
import { href, navigate } from '../../router/hash-router';
import { SearchBox } from './SearchBox';
import { choicePath } from './SearchOption';
import { closePalette, openPalette, selectPaletteOpen, useSearchStore } from './store';

/** Ctrl+K from anywhere: the search in a dialog; choosing a result opens it and closes the dialog. */
export function SearchPalette() {
  const open = useSearchStore(selectPaletteOpen);
  const locked = useLocked();
  const titleId = useId();
  const [query, setQuery] = useState('');

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setQuery('');
        openPalette();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <Dialog open={open && !locked} onClose={closePalette} aria-labelledby={titleId} maxWidth="md" fullWidth sx={{ '& .MuiDialog-container': { alignItems: 'flex-start' } }}>
      <DialogTitle id={titleId}>Ricerca rapida</DialogTitle>
      <DialogContent>
        <SearchBox
          query={query}
          onQueryChange={setQuery}
          autoFocus
          listMaxHeight="55vh"
          onEscape={closePalette}
          onChoose={(choice) => {
            closePalette();
            navigate(choicePath(choice));
          }}
        />
        <Typography sx={{ mt: 1, fontSize: '0.9rem' }}>
          Per filtrare per comune, area, stato o operatore usa la{' '}
          <Link href={href('/persone')} onClick={closePalette}>
            ricerca nella pagina Persone e cartelle
          </Link>
          .
        </Typography>
      </DialogContent>
    </Dialog>
  );
}
