// `npm start`: open (and lock) the database, migrate, load demo data on first start, serve.

import { channelsFromConfig } from './modules/notification/channels.ts';
import { startSweepTimer } from './modules/reminder/sweep-timer.ts';
import { systemClock } from './platform/clock.ts';
import { loadConfig } from './platform/config.ts';
import { keyringFor } from './platform/crypto/keyring.ts';
import { DataDirLockedError } from './platform/datadir-lock.ts';
import { buildApp } from './platform/http/app.ts';
import { migrate } from './platform/migrate.ts';
import { openDatabase } from './platform/open-database.ts';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoIfEmpty } from './seed/demo.ts';
import { LINKAGE_LOGINS } from './seed/demo-linkage.ts';
import { RESPONDENT_LOGIN } from './seed/demo-planning.ts';

async function main() {
  const config = loadConfig();
  const opened = await openDatabase(config);
  const { database } = opened;
  const { applied, version } = await migrate(database);
  if (applied.length) console.log(`数据库迁移完成：${applied.join(', ')}`);
  const seeded = config.seedDemo ? await seedDemoIfEmpty(database.db, systemClock, keyringFor(config)) : false;
  const app = await buildApp({ db: database.db, dbKind: database.kind, config, clock: systemClock });
  await app.listen({ port: config.port, host: config.host });
  const sweepTimer = startSweepTimer(database.db, systemClock, {
    intervalMinutes: config.sweepIntervalMinutes,
    channels: channelsFromConfig(config.notifyChannels),
  });

  console.log(`\n巡察全周期管理平台 Xuncha 已启动：http://${config.host}:${config.port}`);
  console.log(`数据库：${opened.description}，迁移版本 ${version}${seeded ? '（已载入演示数据）' : ''}`);
  console.log(`API 文档：http://${config.host}:${config.port}/api/docs`);
  console.log(`\n演示账号（密码均为 ${DEMO_PASSWORD}）：`);
  for (const user of [...DEMO_USERS, RESPONDENT_LOGIN, ...LINKAGE_LOGINS])
    console.log(`  ${user.username.padEnd(12)} ${user.displayName}（${user.title}）`);
  console.log('  （sysadmin、secadmin、auditor 首次登录须用手机验证器扫码绑定动态验证码，见 README“账号安全”）');
  console.log(`群众举报渠道（无需登录）：http://${config.host}:${config.port}/public/report`);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`\n收到 ${signal}，正在停止服务…`);
    await sweepTimer.stop();
    await app.close();
    await opened.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof DataDirLockedError) console.error(`启动失败：${error.message}`);
  else console.error('启动失败：', error);
  process.exit(1);
});
