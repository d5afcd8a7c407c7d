/**
 * `npm run audit:deps`: fails when a runtime dependency has a high or critical advisory.
 * A registry that serves no advisory data cannot prove anything either way: that is said loudly, not failed.
 */
import { spawnSync } from 'node:child_process';

const SCRIPT = 'scripts/quality/audit-deps.ts';

interface AuditReport {
  error?: { code?: string; summary?: string; detail?: string };
  message?: string;
  metadata?: { vulnerabilities?: Record<string, number> };
  vulnerabilities?: Record<string, { severity: string; via: unknown[] }>;
}

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
let report: AuditReport;
try {
  report = JSON.parse(run.stdout || '{}') as AuditReport;
} catch {
  console.error(`${SCRIPT}: error: npm audit printed no JSON (exit ${run.status ?? 'signal'}):\n${run.stderr}`);
  process.exit(2);
}

const counts = report.metadata?.vulnerabilities;
if (!counts) {
  const why = /^\d{3} [A-Za-z ]+/.exec(report.message || report.error?.summary || '')?.[0].trim() || 'no answer';
  console.log(
    `audit:deps: NOT CHECKED: the registry gave no advisory data (${why}); run it where the advisory endpoint answers`,
  );
  process.exit(0);
}

const serious = Object.entries(report.vulnerabilities ?? {}).filter(
  ([, v]) => v.severity === 'high' || v.severity === 'critical',
);
console.log(
  `audit:deps: runtime dependencies: ${Object.entries(counts)
    .map(([severity, n]) => `${n} ${severity}`)
    .join(', ')}`,
);
if (serious.length > 0) {
  for (const [name, v] of serious)
    console.error(`${SCRIPT}: error: ${name}: ${v.severity} advisory (npm audit --omit=dev for details)`);
  process.exit(1);
}
