// The ZooKeeper controller's reconcile loop (pravega/zookeeper-operator as Anvil verified it): for
// one ZookeeperCluster, the headless, client and admin-server Services, the ConfigMap and the
// StatefulSet, each by get, then create when absent or update when it differs. Before it changes
// an existing StatefulSet it writes the cluster size to the znode /zookeeper-operator/<name>
// (which the members' teardown scripts read on a scale-down), then records it in the status.
// Each call of `reconcile` takes the response to the request of the previous step and returns the
// next state and its request.
//   kproof refine specs/zookeeper/exec/reconciler.ts --spec specs/zookeeper/zookeeper.kspec
import { div, equals, mod } from 'kproof/runtime';
import type {
  k8s$api$ApiReq as ApiRequest,
  k8s$api$ApiResp as ApiResponse,
  k8s$api$Obj as KObject,
  k8s$api$ObjKey as ObjectKey,
  k8s$api$Req as Request,
  k8s$api$Resp as Response,
  KRequest,
  SubResource,
  ZkState,
  ZkStep,
} from './generated/zookeeper.zookeeper.js';

type StepResult = readonly [ZkState, Request | undefined];

// Contents of the objects that do not depend on the cluster's spec ("hashes" of their data).
const HEADLESS_SERVICE_SPEC = 11n;
const CLIENT_SERVICE_SPEC = 12n;
const ADMIN_SERVER_SERVICE_SPEC = 13n;
const CONFIG_MAP_DATA = 14n;
// The StatefulSet's pod template carries the ConfigMap's resource version (so a new
// configuration restarts the pods) above its replicas.
const CONFIG_VERSION_SHIFT = 100n;

// The ZooKeeper API: a request is op + 10·size + 1000·version; a reply is code + 10·version.
const ZK_EXISTS = 1n;
const ZK_CREATE_PARENT = 2n;
const ZK_CREATE_NODE = 3n;
const ZK_SET_DATA = 4n;
const ZK_OK = 1n;
const ZK_NO_NODE = 2n;
const ZK_NODE_EXISTS = 3n;

/** @refines zookeeper.zookeeper.zk_init */
export function initialState(): ZkState {
  return { step: { kind: 'Init' }, cm_rv: 0n };
}

/** @refines zookeeper.zookeeper.zk_done */
export function isDone(state: ZkState): boolean {
  return state.step.kind === 'Done';
}

/** @refines zookeeper.zookeeper.zk_error */
export function isError(state: ZkState): boolean {
  return state.step.kind === 'Error';
}

/** @refines zookeeper.zookeeper.zk_core */
export function reconcile(cluster: KObject, response: Response | undefined, state: ZkState): StepResult {
  const step = state.step;
  switch (step.kind) {
    case 'Init':
      return getObject({ kind: 'HeadlessService' }, cluster, state);
    case 'AfterKRequest':
      return afterObjectRequest(step.req, step.res, cluster, apiAnswer(response), state);
    case 'AfterExistsStatefulSet':
      return afterStatefulSetLookup(cluster, apiAnswer(response), state);
    case 'AfterExistsZkNode':
      return afterZnodeLookup(cluster, zkReply(response), state);
    case 'AfterCreateZkParent':
      if (!createdOrExists(response)) return fail(state);
      return toZooKeeper(state, { kind: 'AfterCreateZkNode' }, zkRequest(ZK_CREATE_NODE, cluster.spec, 0n));
    case 'AfterCreateZkNode':
      return createdOrExists(response) ? getObject({ kind: 'StatefulSet' }, cluster, state) : fail(state);
    case 'AfterUpdateZkNode':
      return zkCode(response) === ZK_OK ? getObject({ kind: 'StatefulSet' }, cluster, state) : fail(state);
    case 'AfterGetCr':
      return afterClusterRead(cluster, apiAnswer(response), state);
    case 'AfterUpdateStatus':
      return succeeded(apiAnswer(response)) ? finish(state) : fail(state);
    case 'Done':
    case 'Error':
      return [state, undefined];
  }
}

function afterObjectRequest(request: KRequest, resource: SubResource, cluster: KObject, answer: ApiResponse | undefined, state: ZkState): StepResult {
  if (answer === undefined) return fail(state);
  if (request.kind === 'GetReq') {
    if (answer.kind === 'Failed' && answer.error.kind === 'NotFound') return createObject(resource, cluster, state);
    if (answer.kind !== 'ObjOk') return fail(state);
    return resource.kind === 'StatefulSet' ? updateStatefulSet(cluster, answer.obj, state) : updateIfChanged(resource, cluster, answer.obj, state);
  }
  if (answer.kind !== 'ObjOk') return fail(state);
  if (resource.kind !== 'StatefulSet') return nextObject(resource, cluster, remember(resource, answer.obj, state));
  // A StatefulSet just created has not been through the ZooKeeper steps: no size to record.
  return request.kind === 'CreateReq' ? finish(state) : readClusterForStatus(cluster, state);
}

function updateIfChanged(resource: SubResource, cluster: KObject, current: KObject, state: ZkState): StepResult {
  const spec = desiredSpec(resource, cluster.spec, state.cm_rv);
  const owners = new Set([cluster.uid]);
  if (current.spec === spec && equals(current.owners, owners)) return nextObject(resource, cluster, remember(resource, current, state));
  return toApi(state, { kind: 'AfterKRequest', req: { kind: 'UpdateReq' }, res: resource }, { kind: 'Update', obj: { ...current, spec, owners } });
}

function updateStatefulSet(cluster: KObject, current: KObject, state: ZkState): StepResult {
  // One left by a deleted cluster of the same name is the garbage collector's: fail and retry.
  if (!equals(current.owners, new Set([cluster.uid]))) return fail(state);
  const spec = statefulSetSpec(cluster.spec, state.cm_rv);
  if (current.spec === spec) return readClusterForStatus(cluster, state);
  return toApi(state, { kind: 'AfterKRequest', req: { kind: 'UpdateReq' }, res: { kind: 'StatefulSet' } }, { kind: 'Update', obj: { ...current, spec } });
}

// The pods' template names the ConfigMap's version, so remember the version of the one applied.
function remember(resource: SubResource, applied: KObject, state: ZkState): ZkState {
  return resource.kind === 'ConfigMap' ? { ...state, cm_rv: applied.rv } : state;
}

function nextObject(resource: SubResource, cluster: KObject, state: ZkState): StepResult {
  switch (resource.kind) {
    case 'HeadlessService':
      return getObject({ kind: 'ClientService' }, cluster, state);
    case 'ClientService':
      return getObject({ kind: 'AdminServerService' }, cluster, state);
    case 'AdminServerService':
      return getObject({ kind: 'ConfigMap' }, cluster, state);
    default:
      // Does the StatefulSet exist? ZooKeeper can only be asked about the znode when it does.
      return toApi(state, { kind: 'AfterExistsStatefulSet' }, { kind: 'Get', key: objectKey({ kind: 'StatefulSet' }, cluster.key) });
  }
}

function afterStatefulSetLookup(cluster: KObject, answer: ApiResponse | undefined, state: ZkState): StepResult {
  if (answer === undefined) return fail(state);
  if (answer.kind === 'ObjOk') return toZooKeeper(state, { kind: 'AfterExistsZkNode' }, zkRequest(ZK_EXISTS, 0n, 0n));
  if (answer.kind === 'Failed' && answer.error.kind === 'NotFound') return createObject({ kind: 'StatefulSet' }, cluster, state);
  return fail(state);
}

function afterZnodeLookup(cluster: KObject, reply: bigint | undefined, state: ZkState): StepResult {
  if (reply === undefined) return fail(state);
  const code = mod(reply, 10n);
  if (code === ZK_NODE_EXISTS) return toZooKeeper(state, { kind: 'AfterUpdateZkNode' }, zkRequest(ZK_SET_DATA, cluster.spec, div(reply, 10n)));
  if (code === ZK_NO_NODE) return toZooKeeper(state, { kind: 'AfterCreateZkParent' }, zkRequest(ZK_CREATE_PARENT, 0n, 0n));
  return fail(state);
}

// The status update re-reads the cluster: a conflict with a user's edit would lose the znode write.
function readClusterForStatus(cluster: KObject, state: ZkState): StepResult {
  return toApi(state, { kind: 'AfterGetCr' }, { kind: 'Get', key: cluster.key });
}

function afterClusterRead(cluster: KObject, answer: ApiResponse | undefined, state: ZkState): StepResult {
  if (answer === undefined || answer.kind !== 'ObjOk') return fail(state);
  if (answer.obj.status === cluster.spec) return finish(state);
  return toApi(state, { kind: 'AfterUpdateStatus' }, { kind: 'UpdateStatus', obj: { ...answer.obj, status: cluster.spec } });
}

function getObject(resource: SubResource, cluster: KObject, state: ZkState): StepResult {
  return toApi(state, { kind: 'AfterKRequest', req: { kind: 'GetReq' }, res: resource }, { kind: 'Get', key: objectKey(resource, cluster.key) });
}

function createObject(resource: SubResource, cluster: KObject, state: ZkState): StepResult {
  const created: KObject = {
    key: objectKey(resource, cluster.key),
    uid: 0n,
    rv: 0n,
    owners: new Set([cluster.uid]),
    spec: desiredSpec(resource, cluster.spec, state.cm_rv),
    status: 0n,
  };
  return toApi(state, { kind: 'AfterKRequest', req: { kind: 'CreateReq' }, res: resource }, { kind: 'Create', obj: created });
}

function objectKey(resource: SubResource, cluster: ObjectKey): ObjectKey {
  switch (resource.kind) {
    case 'HeadlessService':
      return { kind: 'Service', namespace: cluster.namespace, name: cluster.name + '-headless' };
    case 'ClientService':
      return { kind: 'Service', namespace: cluster.namespace, name: cluster.name + '-client' };
    case 'AdminServerService':
      return { kind: 'Service', namespace: cluster.namespace, name: cluster.name + '-admin-server' };
    case 'ConfigMap':
      return { kind: 'ConfigMap', namespace: cluster.namespace, name: cluster.name + '-configmap' };
    case 'StatefulSet':
      return { kind: 'StatefulSet', namespace: cluster.namespace, name: cluster.name };
  }
}

function desiredSpec(resource: SubResource, replicas: bigint, configVersion: bigint): bigint {
  switch (resource.kind) {
    case 'HeadlessService':
      return HEADLESS_SERVICE_SPEC;
    case 'ClientService':
      return CLIENT_SERVICE_SPEC;
    case 'AdminServerService':
      return ADMIN_SERVER_SERVICE_SPEC;
    case 'ConfigMap':
      return CONFIG_MAP_DATA;
    case 'StatefulSet':
      return statefulSetSpec(replicas, configVersion);
  }
}

function statefulSetSpec(replicas: bigint, configVersion: bigint): bigint {
  return replicas + CONFIG_VERSION_SHIFT * configVersion;
}

function zkRequest(op: bigint, size: bigint, version: bigint): bigint {
  return op + 10n * size + 1000n * version;
}

function zkReply(response: Response | undefined): bigint | undefined {
  if (response === undefined || response.kind !== 'FromExt') return undefined;
  return response.ext;
}

function zkCode(response: Response | undefined): bigint {
  const reply = zkReply(response);
  return reply === undefined ? 0n : mod(reply, 10n);
}

// "Already exists" is fine: another cluster made the parent, or a crashed reconcile the node.
function createdOrExists(response: Response | undefined): boolean {
  const code = zkCode(response);
  return code === ZK_OK || code === ZK_NODE_EXISTS;
}

function apiAnswer(response: Response | undefined): ApiResponse | undefined {
  if (response === undefined || response.kind !== 'FromApi') return undefined;
  return response.api;
}

function succeeded(answer: ApiResponse | undefined): boolean {
  return answer !== undefined && answer.kind === 'ObjOk';
}

function toApi(state: ZkState, step: ZkStep, request: ApiRequest): StepResult {
  return [{ ...state, step }, { kind: 'ToApi', api: request }];
}

function toZooKeeper(state: ZkState, step: ZkStep, request: bigint): StepResult {
  return [{ ...state, step }, { kind: 'ToExt', ext: request }];
}

function finish(state: ZkState): StepResult {
  return [{ ...state, step: { kind: 'Done' } }, undefined];
}

function fail(state: ZkState): StepResult {
  return [{ ...state, step: { kind: 'Error' } }, undefined];
}
