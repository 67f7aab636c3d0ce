// A server component: the page itself holds no secret; the kit renders in a client component.
import { AuditLogView } from './AuditLogView';

export default function AuditPage() {
  return (
    <main>
      <h1>Audit log</h1>
      <AuditLogView />
    </main>
  );
}
