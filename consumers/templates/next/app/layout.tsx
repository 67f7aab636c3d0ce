import '@getimmutable/react/styles.css';
import type { ReactNode } from 'react';

export const metadata = { title: 'Audit log — a customer’s Next.js app' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
