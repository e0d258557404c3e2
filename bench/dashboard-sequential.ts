// One user at a time: the latency of the dashboards and the quality mirror as a single coordinator and a single
// policy advisor of the largest municipality (Waterstad) see it, on an existing benchmark database.
//   node --import tsx bench/dashboard-sequential.ts postgres://postgres@127.0.0.1:5432/nabij_bench_large [requests]
import { startAppProcess } from './app-process';
import { logIn } from './load';
const url = process.argv[2]!;
const n = Number(process.argv[3] ?? 30);
const app = await startAppProcess({ DATABASE_URL: url }, '/tmp/nabij-dashboard-sequential.log');
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;
try {
  for (const [user, path] of [
    ['waterstad.t01.coordinator', '/api/management-information/dashboard'],
    ['waterstad.t01.coordinator', '/api/management-information/quality-mirror'],
    ['waterstad.beleid', '/api/management-information/dashboard'],
    ['waterstad.beleid', '/api/management-information/quality-mirror'],
  ] as const) {
    const s = await logIn(app.baseUrl, user);
    const times: number[] = [];
    for (let i = 0; i < n + 3; i++) {
      const t = performance.now();
      const r = await fetch(app.baseUrl + path, { headers: { cookie: s.cookie } });
      await r.arrayBuffer();
      if (r.status !== 200) throw new Error(`${path} ${r.status}`);
      if (i >= 3) times.push(performance.now() - t);
    }
    console.log(
      `${user} ${path}: n=${n} median ${pct(times, 50).toFixed(0)} ms, p90 ${pct(times, 90).toFixed(0)} ms, p99/max ${pct(times, 99).toFixed(0)} ms`,
    );
  }
} finally {
  await app.stop();
}
