import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import type { SessionInfoData } from '../../../shared/contracts/auth';
import { PageTitle } from '../../components/PageTitle';
import { navigate } from '../../router/hash-router';
import { allows } from '../session';
import { AziendeTab } from './AziendeTab';
import { BeneficiariTab } from './BeneficiariTab';
import { CruscottoTab } from './CruscottoTab';
import { PagamentiTab } from './PagamentiTab';
import { SAL_TABS, salPath, type SalTab } from './routes';
import { TirociniTab } from './TirociniTab';

/** #/sal: the register of the Servizio di Accompagnamento al Lavoro, for all twelve comuni. */
export function RegisterPage({ tab, session }: { tab: SalTab; session: SessionInfoData }) {
  const canWrite = allows(session, 'sal.write');
  // A profile without the register sees only the core's refusal (which the core records).
  if (!allows(session, 'sal.read')) {
    return (
      <>
        <PageTitle>Registro SAL</PageTitle>
        <CruscottoTab />
      </>
    );
  }
  const tabs = SAL_TABS.filter((t) => t.value !== 'pagamenti' || canWrite);
  const panelId = `pannello-sal-${tab}`;
  return (
    <>
      <PageTitle subtitle="Beneficiari, aziende ospitanti, tirocini, presenze e indennità: per tutti i 12 comuni della zona.">Registro SAL</PageTitle>
      <Box sx={{ borderBottom: 1, borderColor: 'divider', mb: 3 }}>
        <Tabs value={tab} onChange={(_e, value: SalTab) => navigate(salPath.tab(value))} aria-label="Sezioni del registro SAL" variant="scrollable" scrollButtons="auto">
          {tabs.map((t) => (
            <Tab key={t.value} value={t.value} label={t.label} id={`tab-sal-${t.value}`} aria-controls={panelId} />
          ))}
        </Tabs>
      </Box>
      <Box role="tabpanel" id={panelId} aria-labelledby={`tab-sal-${tab}`}>
        {tab === 'cruscotto' ? <CruscottoTab /> : null}
        {tab === 'beneficiari' ? <BeneficiariTab /> : null}
        {tab === 'aziende' ? <AziendeTab canWrite={canWrite} /> : null}
        {tab === 'tirocini' ? <TirociniTab /> : null}
        {tab === 'pagamenti' && canWrite ? <PagamentiTab /> : null}
      </Box>
    </>
  );
}
