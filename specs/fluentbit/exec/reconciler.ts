// The FluentBit controller's reconcile loop (fluent/fluent-operator as Anvil verified it): for one
// FluentBit resource, read its configuration Secret (fail, and retry later, while it is missing),
// then the ServiceAccount, Role, RoleBinding, Service and DaemonSet, each by get, then create when
// absent or update when it differs. Each call of `reconcile` takes the response to the request of
// the previous step and returns the next step and its request.
//   kproof refine specs/fluentbit/exec/reconciler.ts --spec specs/fluentbit/fluentbit.kspec
import { equals } from 'kproof/runtime';
import type {
  FbStep,
  k8s$api$ApiReq as ApiRequest,
  k8s$api$ApiResp as ApiResponse,
  k8s$api$Obj as KObject,
  k8s$api$ObjKey as ObjectKey,
  k8s$api$Req as Request,
  k8s$api$Resp as Response,
  SubResource,
} from './generated/fluentbit.fluentbit.js';

type StepResult = readonly [FbStep, Request | undefined];

// The user-written configuration Secret of the FluentBit resources of a namespace. The model
// writes it as an object of the custom resource's kind, whose own reconcile has nothing to do.
const CONFIG_SECRET = 'fluent-bit-config';

/** @refines fluentbit.fluentbit.fb_init */
export function initialStep(): FbStep {
  return { kind: 'Init' };
}

/** @refines fluentbit.fluentbit.fb_done */
export function isDone(step: FbStep): boolean {
  return step.kind === 'Done';
}

/** @refines fluentbit.fluentbit.fb_error */
export function isError(step: FbStep): boolean {
  return step.kind === 'Error';
}

/** @refines fluentbit.fluentbit.fb_core */
export function reconcile(fluentBit: KObject, response: Response | undefined, step: FbStep): StepResult {
  switch (step.kind) {
    case 'Init':
      if (fluentBit.key.name === CONFIG_SECRET) return [{ kind: 'Done' }, undefined];
      return send({ kind: 'AfterGetSecret' }, { kind: 'Get', key: { kind: 'FluentBit', namespace: fluentBit.key.namespace, name: CONFIG_SECRET } });
    case 'AfterGetSecret':
      return succeeded(response) ? getResource({ kind: 'ServiceAccount' }, fluentBit) : failed();
    case 'AfterGet':
      return createOrUpdate(step.got, fluentBit, apiResponse(response));
    case 'AfterCreate':
      return succeeded(response) ? nextResource(step.created, fluentBit) : failed();
    case 'AfterUpdate':
      return succeeded(response) ? nextResource(step.updated, fluentBit) : failed();
    case 'Done':
    case 'Error':
      return [step, undefined];
  }
}

function createOrUpdate(resource: SubResource, fluentBit: KObject, response: ApiResponse | undefined): StepResult {
  if (response === undefined) return failed();
  switch (response.kind) {
    case 'ObjOk': {
      const current = response.obj;
      const spec = desiredSpec(resource, fluentBit);
      const owners = new Set([fluentBit.uid]);
      if (current.spec === spec && equals(current.owners, owners)) return nextResource(resource, fluentBit);
      return send({ kind: 'AfterUpdate', updated: resource }, { kind: 'Update', obj: { ...current, spec, owners } });
    }
    case 'Failed':
      if (response.error.kind !== 'NotFound') return failed();
      return send({ kind: 'AfterCreate', created: resource }, { kind: 'Create', obj: desiredObject(resource, fluentBit) });
    default:
      return failed();
  }
}

function nextResource(resource: SubResource, fluentBit: KObject): StepResult {
  switch (resource.kind) {
    case 'ServiceAccount':
      return getResource({ kind: 'Role' }, fluentBit);
    case 'Role':
      return getResource({ kind: 'RoleBinding' }, fluentBit);
    case 'RoleBinding':
      return getResource({ kind: 'Service' }, fluentBit);
    case 'Service':
      return getResource({ kind: 'DaemonSet' }, fluentBit);
    case 'DaemonSet':
      return [{ kind: 'Done' }, undefined];
  }
}

function getResource(resource: SubResource, fluentBit: KObject): StepResult {
  return send({ kind: 'AfterGet', got: resource }, { kind: 'Get', key: objectKey(resource, fluentBit.key) });
}

// Every object is named after the FluentBit resource and owned by it.
function desiredObject(resource: SubResource, fluentBit: KObject): KObject {
  return { key: objectKey(resource, fluentBit.key), uid: 0n, rv: 0n, owners: new Set([fluentBit.uid]), spec: desiredSpec(resource, fluentBit), status: 0n };
}

// The DaemonSet carries the resource's spec (image, settings); the others do not depend on it.
function desiredSpec(resource: SubResource, fluentBit: KObject): bigint {
  return resource.kind === 'DaemonSet' ? fluentBit.spec : 0n;
}

function objectKey(resource: SubResource, fluentBit: ObjectKey): ObjectKey {
  return { kind: resource.kind, namespace: fluentBit.namespace, name: fluentBit.name };
}

function apiResponse(response: Response | undefined): ApiResponse | undefined {
  if (response === undefined || response.kind !== 'FromApi') return undefined;
  return response.api;
}

function succeeded(response: Response | undefined): boolean {
  const answer = apiResponse(response);
  return answer !== undefined && answer.kind === 'ObjOk';
}

function send(next: FbStep, request: ApiRequest): StepResult {
  return [next, { kind: 'ToApi', api: request }];
}

function failed(): StepResult {
  return [{ kind: 'Error' }, undefined];
}
