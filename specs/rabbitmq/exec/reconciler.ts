// The RabbitMQ controller's reconcile loop: for one RabbitmqCluster, the ten objects it owns, in the
// operator's order, each by get, then create when absent or update when it differs
// (controller-runtime's CreateOrUpdate). Each call of `reconcile` takes the response to the
// request of the previous step and returns the next step and its request.
//   kproof refine specs/rabbitmq/exec/reconciler.ts --spec specs/rabbitmq/rabbitmq.kspec
import { equals } from 'kproof/runtime';
import type {
  k8s$api$ApiReq as ApiRequest,
  k8s$api$ApiResp as ApiResponse,
  k8s$api$Obj as KObject,
  k8s$api$ObjKey as ObjectKey,
  k8s$api$Req as Request,
  k8s$api$Resp as Response,
  RmqStep,
  SubResource,
} from './generated/rabbitmq.rabbitmq.js';

type StepResult = readonly [RmqStep, Request | undefined];

/** @refines rabbitmq.rabbitmq.rmq_init */
export function initialStep(): RmqStep {
  return { kind: 'Init' };
}

/** @refines rabbitmq.rabbitmq.rmq_done */
export function isDone(step: RmqStep): boolean {
  return step.kind === 'Done';
}

/** @refines rabbitmq.rabbitmq.rmq_error */
export function isError(step: RmqStep): boolean {
  return step.kind === 'Error';
}

/** @refines rabbitmq.rabbitmq.rmq_core */
export function reconcile(cluster: KObject, response: Response | undefined, step: RmqStep): StepResult {
  switch (step.kind) {
    case 'Init':
      return getResource({ kind: 'HeadlessService' }, cluster);
    case 'AfterGet':
      return createOrUpdate(step.got, cluster, apiResponse(response));
    case 'AfterCreate':
      return succeeded(response) ? nextResource(step.created, cluster) : failed();
    case 'AfterUpdate':
      return succeeded(response) ? nextResource(step.updated, cluster) : failed();
    case 'Done':
    case 'Error':
      return [step, undefined];
  }
}

function createOrUpdate(resource: SubResource, cluster: KObject, response: ApiResponse | undefined): StepResult {
  if (response === undefined) return failed();
  switch (response.kind) {
    case 'ObjOk':
      return updateIfChanged(resource, response.obj, cluster);
    case 'Failed':
      if (response.error.kind !== 'NotFound') return failed();
      return send({ kind: 'AfterCreate', created: resource }, { kind: 'Create', obj: desiredObject(resource, cluster) });
    default:
      return failed();
  }
}

function updateIfChanged(resource: SubResource, current: KObject, cluster: KObject): StepResult {
  const desired = desiredObject(resource, cluster);
  if (current.spec === desired.spec && equals(current.owners, desired.owners)) return nextResource(resource, cluster);
  // A StatefulSet of a deleted cluster with the same name is the garbage collector's to remove:
  // scaling it down to the new cluster's replicas would lose data (Anvil PR #211). Fail and retry.
  if (resource.kind === 'StatefulSet' && !equals(current.owners, new Set([cluster.uid]))) return failed();
  return send({ kind: 'AfterUpdate', updated: resource }, { kind: 'Update', obj: { ...current, spec: desired.spec, owners: desired.owners } });
}

function nextResource(resource: SubResource, cluster: KObject): StepResult {
  switch (resource.kind) {
    case 'HeadlessService':
      return getResource({ kind: 'Service' }, cluster);
    case 'Service':
      return getResource({ kind: 'ErlangCookieSecret' }, cluster);
    case 'ErlangCookieSecret':
      return getResource({ kind: 'DefaultUserSecret' }, cluster);
    case 'DefaultUserSecret':
      return getResource({ kind: 'PluginsConfigMap' }, cluster);
    case 'PluginsConfigMap':
      return getResource({ kind: 'ServerConfigMap' }, cluster);
    case 'ServerConfigMap':
      return getResource({ kind: 'ServiceAccount' }, cluster);
    case 'ServiceAccount':
      return getResource({ kind: 'Role' }, cluster);
    case 'Role':
      return getResource({ kind: 'RoleBinding' }, cluster);
    case 'RoleBinding':
      return getResource({ kind: 'StatefulSet' }, cluster);
    case 'StatefulSet':
      return [{ kind: 'Done' }, undefined];
  }
}

function getResource(resource: SubResource, cluster: KObject): StepResult {
  return send({ kind: 'AfterGet', got: resource }, { kind: 'Get', key: objectKey(resource, cluster.key) });
}

function desiredObject(resource: SubResource, cluster: KObject): KObject {
  const owned = resource.kind === 'StatefulSet';
  return {
    key: objectKey(resource, cluster.key),
    uid: 0n,
    rv: 0n,
    owners: owned ? new Set([cluster.uid]) : new Set(),
    spec: owned ? cluster.spec : 0n,
    status: 0n,
  };
}

function objectKey(resource: SubResource, cluster: ObjectKey): ObjectKey {
  switch (resource.kind) {
    case 'HeadlessService':
      return named('Service', cluster, '-nodes');
    case 'Service':
      return named('Service', cluster, '');
    case 'ErlangCookieSecret':
      return named('Secret', cluster, '-erlang-cookie');
    case 'DefaultUserSecret':
      return named('Secret', cluster, '-default-user');
    case 'PluginsConfigMap':
      return named('ConfigMap', cluster, '-plugins-conf');
    case 'ServerConfigMap':
      return named('ConfigMap', cluster, '-server-conf');
    case 'ServiceAccount':
      return named('ServiceAccount', cluster, '-server');
    case 'Role':
      return named('Role', cluster, '-peer-discovery');
    case 'RoleBinding':
      return named('RoleBinding', cluster, '-server');
    case 'StatefulSet':
      return named('StatefulSet', cluster, '-server');
  }
}

function named(kind: string, cluster: ObjectKey, suffix: string): ObjectKey {
  return { kind, namespace: cluster.namespace, name: cluster.name + suffix };
}

function apiResponse(response: Response | undefined): ApiResponse | undefined {
  if (response === undefined || response.kind !== 'FromApi') return undefined;
  return response.api;
}

function succeeded(response: Response | undefined): boolean {
  const answer = apiResponse(response);
  return answer !== undefined && answer.kind === 'ObjOk';
}

function send(next: RmqStep, request: ApiRequest): StepResult {
  return [next, { kind: 'ToApi', api: request }];
}

function failed(): StepResult {
  return [{ kind: 'Error' }, undefined];
}
