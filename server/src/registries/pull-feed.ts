import type { RequestContext } from '../core/command';
import { AppError, badRequest } from '../core/errors';
import { parseInspectionFeed, parseMinistryFeed } from './feed';
import { importInspection, importMinistry, recordRefusedImport } from './import-service';
import type { RegistryName } from './models';
import { RegistryFileError } from '@xf/domain/registries/records';

/** Pull the registry's JSON feed from its configured URL and import it like an uploaded file. */
export async function pullFeed(context: RequestContext, registry: RegistryName) {
  const { app } = context;
  const url = registry === 'ministry' ? app.config.feeds.ministryUrl : app.config.feeds.inspectionUrl;
  if (!url)
    throw badRequest(
      `未配置${registry === 'ministry' ? 'MINISTRY_FEED_URL' : 'INSPECTION_FEED_URL'}，无法拉取数据`,
    );
  const meta = { source: 'feed' as const, fileName: url };
  let json: unknown;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(60_000) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    json = await res.json();
  } catch (e: any) {
    await recordRefusedImport(context, registry, meta, `拉取数据失败：${e?.message ?? e}`);
    throw new AppError(502, 'feed_unreachable', `拉取数据失败：${e?.message ?? e}`);
  }
  try {
    return registry === 'ministry'
      ? await importMinistry(context, parseMinistryFeed(json), meta)
      : await importInspection(context, parseInspectionFeed(json), meta);
  } catch (e) {
    if (e instanceof RegistryFileError) {
      await recordRefusedImport(context, registry, meta, e.message);
      throw badRequest(`文件：${e.message}`, 'file');
    }
    throw e;
  }
}
