// bench/memory: resident memory of the real server started as users start it (tsx + main.ts), idle
// and under read load, against a bare `node` process measured the same way.
import { runTypeScript } from "../_shared/tsx.mjs";

runTypeScript(new URL("./main.ts", import.meta.url));
