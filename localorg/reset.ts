import { rmSync } from 'node:fs';
import { DEFAULT_DB_FILE } from './server';

/** `npm run localorg:reset`: deletes the local org's database file (and its WAL files). */
const file = process.env.LOCALORG_DB ?? DEFAULT_DB_FILE;
for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
console.log(`Deleted ${file}`);
