import type { ExportBreak, ExportReport, ReceiptEvent } from '@getimmutable/client/offline';
import { UserText, userTextMessage } from '../UserText.js';
import type { ExportVerifierMessages } from './exportVerifierMessages.js';

/** More breaks than this are counted, not listed: a list of thousands helps no one read. */
const SHOWN_BREAKS = 200;

interface ExportVerifierResultProps {
  report: ExportReport;
  messages: ExportVerifierMessages;
  /** Formats a number for the locale. */
  format: (value: number) => string;
}

const short = (hash: string) => `${hash.slice(0, 12)}…`;

function where(b: ExportBreak, messages: ExportVerifierMessages, format: (n: number) => string) {
  return b.line !== null ? messages.line(format(b.line)) : messages.index(format(b.index ?? 0));
}

/** A finished check's details: the breaks, each chain's head, and the receipt comparison. */
export function ExportVerifierResult({ report, messages, format }: ExportVerifierResultProps) {
  const { breaks, chains, receipt } = report;
  // Ids and tenants are the file's text (a tampered file's too): isolated, hidden characters shown.
  const receiptEvent = ({ sequence, id, event_hash }: ReceiptEvent) =>
    userTextMessage((user) =>
      messages.receiptEvent(String(sequence), id === null ? null : user(id), short(event_hash)),
    );
  return (
    <div className="imv-export-verifier__result" data-slot="export-verifier-result">
      {breaks.length > 0 ? (
        <table className="imv-export-verifier__breaks" data-slot="export-verifier-breaks">
          <caption>{messages.breaksCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{messages.columnType}</th>
              <th scope="col">{messages.columnWhere}</th>
              <th scope="col">{messages.columnEvent}</th>
              <th scope="col">{messages.columnSequence}</th>
            </tr>
          </thead>
          <tbody>
            {breaks.slice(0, SHOWN_BREAKS).map((b, i) => (
              <tr key={i} data-type={b.type}>
                <td>{messages.breakTypes[b.type]}</td>
                <td>{where(b, messages, format)}</td>
                <td>
                  <code>
                    <UserText>{b.event_id}</UserText>
                  </code>
                </td>
                <td>
                  {b.sequence} (
                  {b.tenant_id === null ? messages.noTenant : <UserText>{b.tenant_id}</UserText>})
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {breaks.length > SHOWN_BREAKS ? (
        <p className="imv-export-verifier__more">
          {messages.moreBreaks(format(breaks.length - SHOWN_BREAKS))}
        </p>
      ) : null}
      {chains.length > 0 ? (
        <section className="imv-export-verifier__chains" data-slot="export-verifier-chains">
          <h3 className="imv-export-verifier__heading">{messages.headsCaption}</h3>
          <ul>
            {chains.map((c) => (
              <li key={c.tenant_id ?? ''} data-tenant={c.tenant_id ?? ''}>
                {userTextMessage((user) =>
                  messages.head(
                    c.tenant_id === null ? messages.noTenant : user(c.tenant_id),
                    format(c.events),
                    String(c.head.sequence),
                  ),
                )}{' '}
                <code title={c.head.event_hash}>{short(c.head.event_hash)}</code>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {receipt ? (
        <section
          className="imv-export-verifier__receipt"
          data-slot="export-verifier-receipt"
          data-receipt={receipt.status}
        >
          <h3 className="imv-export-verifier__heading">{messages.receiptCaption}</h3>
          <p>{messages.receipt[receipt.status]}</p>
          {receipt.status === 'inconsistent' ? (
            <dl>
              <dt>{messages.receiptExpected}</dt>
              <dd>{receiptEvent(receipt.expected)}</dd>
              <dt>{messages.receiptActual}</dt>
              <dd>{receipt.actual ? receiptEvent(receipt.actual) : messages.receiptNothing}</dd>
            </dl>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
