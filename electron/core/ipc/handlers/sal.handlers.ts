import { createHash } from 'node:crypto';
import type { salContract } from '../../../../shared/contracts/sal';
import { AppError } from '../../../../shared/domain/errors';
import { AttachmentStore } from '../../files/attachment-store';
import { detectFileType } from '../../files/file-type';
import { PDF_ACTIVE_WARNING, pdfActiveContent } from '../../files/pdf-active';
import { toCsv, toXlsx } from '../../files/spreadsheet';
import { uuidv7 } from '../../ids';
import type { Vault } from '../../services/auth/vault';
import { AziendeService } from '../../services/sal/aziende.service';
import { BeneficiariService } from '../../services/sal/beneficiari.service';
import { cruscotto } from '../../services/sal/cruscotto.service';
import { paymentList, paymentSheet } from '../../services/sal/pagamenti.service';
import { ParametriService } from '../../services/sal/parametri.service';
import { PresenzeService } from '../../services/sal/presenze.service';
import { TirociniService } from '../../services/sal/tirocini.service';
import type { Transfers } from '../../services/transfers/transfers';
import type { CallContext } from '../context';
import type { FeatureHandlers } from '../router';
import { workContext } from '../work';

export function salHandlers(deps: { now: () => number; vault: Vault; transfers: Transfers }): FeatureHandlers<typeof salContract> {
  const work = (ctx: CallContext) => workContext(ctx, deps.now);
  const userOf = (ctx: CallContext) => {
    const id = ctx.session?.user.id;
    if (!id) throw new AppError('NOT_AUTHENTICATED');
    return id;
  };
  return {
    'salAziende.list': (ctx, input) => new AziendeService(work(ctx)).list(input),
    'salAziende.get': (ctx, input) => new AziendeService(work(ctx)).get(input.id),
    'salAziende.save': (ctx, input) => new AziendeService(work(ctx)).save(input),
    'salAziende.saveTutor': (ctx, input) => new AziendeService(work(ctx)).saveTutor(input),
    'salAziende.addConvenzione': (ctx, { uploadId, ...input }) => {
      if (!uploadId) return new AziendeService(work(ctx)).addConvenzione(input, null);
      // The signed PDF: checked as a PDF, encrypted like a case attachment.
      const bytes = deps.transfers.takeUpload(ctx.conn.id, userOf(ctx), uploadId);
      const type = detectFileType(bytes);
      if (!type.ok || type.type.kind !== 'pdf') throw new AppError('VALIDATION', 'La convenzione firmata va caricata in PDF.', 'uploadId');
      const file = new AttachmentStore(deps.vault.dir.root, deps.vault.databaseKey()).write(uuidv7(), bytes);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      return new AziendeService(work(ctx)).addConvenzione(input, { file, nome: 'convenzione.pdf', sha256, dimensione: bytes.length });
    },
    'salAziende.convenzionePdf': (ctx, input) => {
      const files = new AttachmentStore(deps.vault.dir.root, deps.vault.databaseKey());
      const { nome, bytes } = new AziendeService(work(ctx)).convenzionePdf(input.id, (file) => files.readNamed(file));
      // Checked at every opening, as the case attachments are.
      const avviso = pdfActiveContent(bytes).length > 0 ? PDF_ACTIVE_WARNING : '';
      const downloadId = deps.transfers.startDownload(ctx.conn.id, userOf(ctx), bytes);
      return { nome, mime: 'application/pdf', dimensione: bytes.length, avviso, downloadId };
    },
    'salBeneficiari.enrol': (ctx, input) => new BeneficiariService(work(ctx)).enrol(input),
    'salBeneficiari.update': (ctx, input) => new BeneficiariService(work(ctx)).update(input),
    'salBeneficiari.list': (ctx, input) => new BeneficiariService(work(ctx)).list(input),
    'salBeneficiari.get': (ctx, input) => new BeneficiariService(work(ctx)).get(input.id),
    'salBeneficiari.forCase': (ctx, input) => new BeneficiariService(work(ctx)).forCase(input.caseId),
    'salBeneficiari.setPhase': (ctx, input) => new BeneficiariService(work(ctx)).setPhase(input),
    'salBeneficiari.addActivity': (ctx, input) => new BeneficiariService(work(ctx)).addActivity(input),
    'salBeneficiari.consent': (ctx, input) => new BeneficiariService(work(ctx)).consent(input),
    'salTirocini.check': (ctx, input) => new TirociniService(work(ctx)).check(input),
    'salTirocini.save': (ctx, input) => new TirociniService(work(ctx)).save(input),
    'salTirocini.cruscotto': (ctx) => cruscotto(work(ctx)),
    'salTirocini.list': (ctx, input) => new TirociniService(work(ctx)).list(input),
    'salTirocini.get': (ctx, input) => new TirociniService(work(ctx)).get(input.id),
    'salTirocini.proroga': (ctx, input) => new TirociniService(work(ctx)).proroga(input),
    'salTirocini.sospendi': (ctx, input) => new TirociniService(work(ctx)).sospendi(input),
    'salTirocini.cessa': (ctx, input) => new TirociniService(work(ctx)).cessa(input),
    'salTirocini.esito': (ctx, input) => new TirociniService(work(ctx)).esito(input),
    'salPresenze.month': (ctx, input) => new PresenzeService(work(ctx)).month(input),
    'salPresenze.save': (ctx, input) => new PresenzeService(work(ctx)).save(input),
    'salPagamenti.month': (ctx, input) => paymentList(work(ctx), input.month),
    'salPagamenti.export': (ctx, input) => {
      const list = paymentList(work(ctx), input.month);
      const sheet = paymentSheet(input.month, list);
      const bytes = input.formato === 'csv' ? toCsv(sheet) : toXlsx(sheet);
      const mime = input.formato === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      const downloadId = deps.transfers.startDownload(ctx.conn.id, userOf(ctx), bytes);
      return { nome: `pagamenti-sal-${input.month}.${input.formato}`, mime, dimensione: bytes.length, downloadId };
    },
    'salParametri.list': (ctx) => new ParametriService(work(ctx)).list(),
    'salParametri.add': (ctx, input) => new ParametriService(work(ctx)).add(input),
  };
}
