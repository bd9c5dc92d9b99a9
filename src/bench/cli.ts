// `npm run bench`: the speed figures the README keeps, on the project's own documents;
// `npm run bench -- --scale N`: the same engine on a synthetic corpus of N documents.
import { benchScale, ingestChild } from './scale.ts';
import { benchSeeds } from './seeds.ts';

const args = process.argv.slice(2);
const scale = args.indexOf('--scale');
if (args[0] === '--ingest-child') await ingestChild(args[1]!, args[2]!);
else if (scale >= 0) await benchScale(Number(args[scale + 1]));
else await benchSeeds();
