import { fork, type ChildProcess } from "node:child_process";

/**
 * A child process running a bench file's clients (the same file, started with
 * `childFlag=1`), so that clients and server each have a core. `ask` gives it a job
 * and resolves with its answer; jobs are asked one at a time.
 */
export function startClientProcess<Job>(
  benchFile: string,
  childFlag: string,
): { child: ChildProcess; ask: <T>(job: Job) => Promise<T> } {
  const child = fork(benchFile, [], { execArgv: ["--import", "tsx"], env: { ...process.env, [childFlag]: "1" } });
  let failPending = (_error: Error) => {};
  child.on("exit", (code) => failPending(new Error(`the bench clients exited (${code})`)));
  const ask = <T>(job: Job) =>
    new Promise<T>((resolve, reject) => {
      failPending = reject;
      child.once("message", (answer) => resolve(answer as T));
      child.send(job as object);
    });
  return { child, ask };
}
