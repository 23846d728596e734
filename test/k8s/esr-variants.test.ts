// The ESR proof of the ConfigMap controller against controllers that break ESR: each variant is the
// example controller with one reconcile step changed, verified with the example's own proof (adapted
// only where the variant's request differs). The proof must fail at the step the change breaks, every
// other phase still proved, and the model checker must find a fair run that violates ESR.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mcResults, runCli, verifyTheorems, type TheoremJson } from '../helpers/cli-async.js';
import { lineOf, writeUnder } from '../helpers/files.js';
import { REPO } from '../helpers/run-cli.js';

const RECEIVE_LINE = lineOf(join(REPO, 'lemmas/k8s/cluster.kspec'), 'action receive(');
const ESR_PROOF = join(REPO, 'specs/examples/configmap_esr.kspec');

interface Variant {
  readonly name: string;
  /** Edits of configmap_controller.kspec: [text, replacement], each text occurring once. */
  readonly controller: readonly (readonly [string, string])[];
  /** Edits of configmap_esr.kspec (every occurrence). */
  readonly proof?: readonly (readonly [string, string])[];
  /** The model of configmap_controller.kspec that shows the violation. */
  readonly model: string;
}

const VARIANTS: readonly Variant[] = [
  {
    // A missing ConfigMap is never created.
    name: 'never_creates',
    controller: [['if e == kapi.ApiError.NotFound then (AfterCreate, api(kapi.ApiReq.Create(make_cm(cr))))', 'if e == kapi.ApiError.NotFound then (Done, None)']],
    model: 'tiny',
  },
  {
    // Its updates carry a made-up resource version, so each fails with Conflict, and it treats the
    // failure as success instead of re-reading the object: a ConfigMap with an old spec stays old.
    name: 'ignores_conflict',
    controller: [
      ['spec: cr.spec }))),', 'spec: cr.spec, rv: 0 }))),'],
      ['AfterUpdate => if ok(resp) then (Done, None) else (Error, None),', 'AfterUpdate => (Done, None),'],
    ],
    proof: [['spec: s }))', 'spec: s, rv: 0 }))']],
    model: 'specs_change',
  },
  {
    // After a failed get it waits for an answer that never comes: it assumes requests never fail.
    name: 'assumes_no_failure',
    controller: [
      ['make_cm(cr))))\n            else (Error, None),', 'make_cm(cr))))\n            else (AfterGet, None),'],
      ['      None => (Error, None),\n    },\n    AfterCreate', '      None => (AfterGet, None),\n    },\n    AfterCreate'],
    ],
    model: 'tiny',
  },
];

function edit(text: string, edits: readonly (readonly [string, string])[], once: boolean): string {
  let out = text;
  for (const [from, to] of edits) {
    const count = out.split(from).length - 1;
    if (once ? count !== 1 : count < 1) throw new Error(`edit target occurs ${count} times: ${from}`);
    out = out.split(from).join(to);
  }
  return out;
}

const root = mkdtempSync(join(tmpdir(), 'kproof-esr-variants-'));
const verdicts = new Map<string, Map<string, TheoremJson>>();

beforeAll(async () => {
  const controller = readFileSync(join(REPO, 'specs/examples/configmap_controller.kspec'), 'utf8');
  const proof = readFileSync(join(REPO, 'specs/examples/configmap_esr.kspec'), 'utf8');
  // One cache for the variants (obligations that do not involve the reconcile are shared), none of the repo's.
  for (const v of VARIANTS) {
    const files = [
      writeUnder(root, `${v.name}/examples/configmap_controller.kspec`, edit(controller, v.controller, true)),
      writeUnder(root, `${v.name}/examples/configmap_esr.kspec`, edit(proof, v.proof ?? [], false)),
    ];
    // A failing premise costs the whole time limit of each attempt; 5 s is ample for the others.
    const run = await runCli(['verify', '--json', '--timeout', '5000', ...files], root);
    expect(run.status).toBe(1);
    verdicts.set(v.name, verifyTheorems(run.stdout));
  }
}, 600_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

const PHASES_0_TO_3 = ['msg_shapes', 'controller_never_writes_crs', 'records_well_formed', 'crs_filed', 'steps_lower_rank', 'cluster.reconcile_terminates', 'cluster.snapshots_settle', 'writes_settle'];

function theorem(variant: string, name: string): TheoremJson | undefined {
  return verdicts.get(variant)?.get(`examples.${name}`);
}

/** Where and why a theorem is not proved: "line: message" per problem. */
function problems(variant: string, name: string): string[] {
  return (theorem(variant, name)?.problems ?? []).map((p) => `${p.line}: ${p.message}`);
}

function controllerDir(variant: string): string {
  return join(root, variant, 'examples');
}

describe('the ESR proof of broken ConfigMap controllers', () => {
  it('never creates the ConfigMap: phases 0-3 hold; the link "NotFound, then Create" fails at its helpful step', () => {
    for (const name of PHASES_0_TO_3) expect([name, theorem('never_creates', `configmap_controller.${name}`)?.status]).toEqual([name, 'proved']);
    // link 3 of the chain `absent` leaves its second waypoint (the NotFound answer): the failure is reported there
    const notFound = lineOf(ESR_PROOF, 'r == kapi.Msg.ApiResponse(pending_id(ongoing[k]), kapi.ApiResp.Failed(kapi.ApiError.NotFound))');
    expect(problems('never_creates', 'configmap_esr.converges')).toContainEqual(
      expect.stringMatching(new RegExp(`^${notFound}: step \`absent / link 3 \\(from the waypoint at line ${notFound}\\)\`: helpful step receive\\(k, r\\): not proved`)),
    );
    expect(problems('never_creates', 'configmap_esr.esr')).toEqual([`${lineOf(ESR_PROOF, 'qed by ptl(faults,')}: uses \`examples.configmap_esr.converges\`, which is not proved`]);
  });

  it('ignores a conflict: phases 0-3 hold; the link "the update is handled, the ConfigMap is right" fails at its helpful step', () => {
    for (const name of PHASES_0_TO_3) expect([name, theorem('ignores_conflict', `configmap_controller.${name}`)?.status]).toEqual([name, 'proved']);
    // link 4 of the chain `stale` leaves its last waypoint (the Update in flight)
    const update = lineOf(ESR_PROOF, 'm == kapi.Msg.ApiRequest(pending_id(ongoing[k]), kapi.ApiReq.Update(');
    expect(problems('ignores_conflict', 'configmap_esr.converges')).toContainEqual(
      expect.stringMatching(new RegExp(`^${update}: step \`stale / link 4 \\(from the waypoint at line ${update}\\)\`: helpful step api_handle\\(m\\): not proved`)),
    );
    expect(theorem('ignores_conflict', 'configmap_esr.esr')?.status).toBe('not proved');
  });

  it('assumes requests never fail: the invariant "waiting means a request is pending" fails under receive, with a counterexample, and so does "every step lowers the rank"', () => {
    expect(problems('assumes_no_failure', 'configmap_controller.records_well_formed')).toEqual([
      expect.stringMatching(new RegExp(`^${RECEIVE_LINE}: consecution of receive: .*the solver found a counterexample`)),
    ]);
    // The counterexample: receiving an answer other than the object or NotFound leaves the reconcile waiting with nothing pending.
    const cx = theorem('assumes_no_failure', 'configmap_controller.records_well_formed')?.problems?.[0]?.counterexample;
    const entry = (title: string, name: string) => cx?.sections.find((s) => s.title === title)?.entries.find((e) => e.name === name)?.value;
    expect(entry('step', 'm')).toMatch(/Response\(/);
    expect(entry('after', 'ongoing')).toMatch(/pending: None, local: AfterGet/);
    // Termination: the step that stays in AfterGet does not lower the rank (the generic lemma needs every step to).
    expect(problems('assumes_no_failure', 'configmap_controller.steps_lower_rank')).toEqual([
      expect.stringMatching(new RegExp(`^${lineOf(join(REPO, 'specs/examples/configmap_controller.kspec'), 'theorem steps_lower_rank') + 1}: smt: not proved that the formula holds in every reachable state; the solver found a counterexample`)),
    ]);
    expect(theorem('assumes_no_failure', 'configmap_controller.msg_shapes')?.status).toBe('proved');
    expect(theorem('assumes_no_failure', 'configmap_esr.esr')?.status).toBe('not proved');
  });

  it.each(VARIANTS.map((v) => [v.name, v.model]))('the model checker finds a fair run of %s that violates ESR (model %s)', async (variant, model) => {
    const run = await runCli(['mc', '--json', '--model', model, join(controllerDir(variant), 'configmap_controller.kspec')], root);
    const results = mcResults(run.stdout);
    expect(run.status).toBe(1);
    expect(results).toHaveLength(1);
    expect(results[0]?.violation).toMatchObject({ kind: 'liveness', property: 'esr_one' });
  }, 120_000);
});
