const keep = setInterval(() => console.error('tick', (process as any)._getActiveHandles().map((h: any) => h.constructor?.name).join(',')), 2000);
const { benchSmt } = await import('./smt.js');
console.log((await benchSmt()).join('\n'));
clearInterval(keep);
