import { z } from 'zod';
import type { RouteDef } from './route';
import { routeKinds } from './router';

function jsonSchema(schema: unknown, io: 'input' | 'output' = 'input') {
  return z.toJSONSchema(schema as z.ZodType, { io, unrepresentable: 'any' }) as Record<string, any>;
}

function parameters(schema: unknown, where: 'query' | 'path') {
  if (!schema) return [];
  const js = jsonSchema(schema);
  const required: string[] = js.required ?? [];
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || required.includes(name),
    schema: s,
  }));
}

/** The OpenAPI document, generated from the same zod schemas that validate requests. */
export function buildOpenApi(routes: RouteDef<any, any, any>[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const p = '/api' + r.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const op: Record<string, unknown> = {
      summary: r.summary,
      tags: [r.tag],
      parameters: [...parameters(r.params, 'path'), ...parameters(r.query, 'query')],
      responses: {
        '200': {
          description: r.responseDescription ?? '成功',
          content: {
            [r.produces ?? 'application/json']: r.response
              ? { schema: jsonSchema(r.response, 'output') }
              : {},
          },
        },
        '400': { description: '输入不符合规则：error.field 指明字段，error.message 说明规则' },
        ...(r.auth === 'public'
          ? {}
          : { '401': { description: '未登录或登录已过期' }, '403': { description: '无权限' } }),
      },
    };
    if (r.auth !== 'public') op.security = [{ bearer: [] }];
    const kinds = routeKinds(r);
    if (kinds !== '*') op.description = `允许的账号类别：${kinds.join(', ')}`;
    if (r.body)
      op.requestBody = { required: true, content: { 'application/json': { schema: jsonSchema(r.body) } } };
    if (r.upload)
      op.requestBody = {
        required: true,
        content: {
          'multipart/form-data': {
            schema: {
              type: 'object',
              properties: { [r.upload.field]: { type: 'string', format: 'binary' } },
              required: [r.upload.field],
            },
          },
        },
      };
    (paths[p] ??= {})[r.method] = op;
  }
  return {
    openapi: '3.1.0',
    info: { title: '北京市消防技术服务机构监管系统 API', version: '0.1.0' },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  };
}

/** A self-contained browsable page (no CDN: the network may be closed). */
export function docsPage(): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>接口文档 - 消防技术服务机构监管系统</title>
<style>body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:0;background:#f5f7fa;color:#1f2937}
header{background:#1f4e9c;color:#fff;padding:16px 24px}h1{margin:0;font-size:20px}
main{padding:16px 24px;max-width:1100px}input{width:100%;padding:8px;font-size:14px;margin-bottom:12px;box-sizing:border-box}
details{background:#fff;margin:6px 0;border-radius:6px;border:1px solid #e5e7eb}summary{padding:10px;cursor:pointer}
.m{display:inline-block;min-width:56px;font-weight:bold;text-transform:uppercase}.get{color:#059669}.post{color:#2563eb}.put{color:#d97706}.delete{color:#dc2626}.patch{color:#7c3aed}
pre{background:#0f172a;color:#e2e8f0;padding:10px;margin:0 10px 10px;border-radius:4px;overflow:auto;font-size:12px}.tag{color:#6b7280;font-size:12px;margin-left:8px}</style></head>
<body><header><h1>北京市消防技术服务机构监管系统 · 接口文档</h1><div>OpenAPI：<a style="color:#fff" href="/api/openapi.json">/api/openapi.json</a></div></header>
<main><input id="q" placeholder="搜索接口路径或说明"><div id="list">加载中…</div></main>
<script>
fetch('/api/openapi.json').then(r=>r.json()).then(doc=>{
  const list=document.getElementById('list');const rows=[];
  for(const [p,ops] of Object.entries(doc.paths))for(const [m,op] of Object.entries(ops))rows.push({p,m,op});
  function render(f){list.innerHTML='';for(const {p,m,op} of rows){if(f&&!(p+op.summary).includes(f))continue;
    const d=document.createElement('details');const s=document.createElement('summary');
    s.innerHTML='<span class="m '+m+'">'+m+'</span> '+p+' — '+op.summary+'<span class="tag">'+(op.tags||[]).join(',')+'</span>';
    const pre=document.createElement('pre');pre.textContent=JSON.stringify({parameters:op.parameters,requestBody:op.requestBody,description:op.description},null,2);
    d.append(s,pre);list.append(d);}}
  render('');document.getElementById('q').oninput=e=>render(e.target.value.trim());
});
</script></body></html>`;
}
