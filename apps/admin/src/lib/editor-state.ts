import type { Report } from "@gongkai/schema";
import { type CellValue, setCell } from "@gongkai/schema/meta";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { mergeDrafts } from "../components/Conflict";
import type { Draft } from "./api-types";
import { errorDetails, isConflict, isUnauthorized } from "./errors";
import { type History, record, redo, reset, start, undo } from "./history";
import { useTrpc } from "./trpc";

const AUTOSAVE_MS = 1500;

/** The last unsaved state of a draft, kept in this browser until the server has it. */
interface Backup {
  content: Report;
  /** The lock version the edits were made on. */
  base: number;
  at: string;
}
const backupKey = (id: string) => `gongkai:draft:${id}`;
export function readBackup(id: string): Backup | null {
  try {
    const raw = localStorage.getItem(backupKey(id));
    return raw ? (JSON.parse(raw) as Backup) : null;
  } catch {
    return null;
  }
}
const writeBackup = (id: string, b: Backup) => {
  try {
    localStorage.setItem(backupKey(id), JSON.stringify(b));
  } catch {
    // storage full or disabled: the autosave still runs
  }
};
export const clearBackup = (id: string) => localStorage.removeItem(backupKey(id));

/** What the server had when a save was refused as stale. */
export interface Conflict {
  theirs: { lockVersion: number; content: Report; updatedAt: string; updatedBy: string | null };
  mine: Report;
  /** The version my edits started from: merging applies only what I changed. */
  base: Report;
}

export type SaveStatus = "saved" | "dirty" | "saving" | "error" | "offline";

/**
 * The editing session of one draft: the content being edited, undo/redo, autosave with optimistic
 * locking (a stale save becomes a conflict to resolve, never an overwrite), and a copy of unsaved
 * work in localStorage (an expired session or a closed tab loses nothing).
 */
export function useDraftEditor(draft: Draft, editable: boolean) {
  const trpc = useTrpc();
  const queryClient = useQueryClient();
  const [history, setHistory] = useState<History<Report>>(() => start(draft.content));
  const content = history.present;
  const [lockVersion, setLockVersion] = useState(draft.lockVersion);
  const [status, setStatus] = useState<SaveStatus>("saved");
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [lastError, setLastError] = useState<unknown>(null);
  const dirty = useRef(false);
  const latest = useRef(content);
  latest.current = content;
  const lock = useRef(lockVersion);
  lock.current = lockVersion;
  /** The content the server has at `lock` (my edits start from it). */
  const base = useRef<Report>(draft.content);

  // A fresh draft from the server (another tab, a workflow action) replaces ours when we have no edits.
  useEffect(() => {
    if (!dirty.current && draft.lockVersion !== lock.current) {
      setHistory((h) => reset(h, draft.content));
      base.current = draft.content;
      setLockVersion(draft.lockVersion);
    }
  }, [draft]);

  const save = useMutation(
    trpc.reports.save.mutationOptions({
      onMutate: () => setStatus("saving"),
      onSuccess: (saved, input) => {
        setLockVersion(saved.lockVersion);
        base.current = input.content as Report;
        queryClient.setQueryData(trpc.reports.get.queryKey({ id: draft.id }), saved);
        // Edits made while the save was in flight are still unsaved.
        if (latest.current === input.content) {
          dirty.current = false;
          clearBackup(draft.id);
          setStatus("saved");
        } else {
          setStatus("dirty");
        }
        setLastError(null);
      },
      onError: (error, input) => {
        setLastError(error);
        if (isConflict(error)) {
          const theirs = errorDetails<Conflict["theirs"]>(error);
          if (theirs) setConflict({ theirs, mine: input.content as Report, base: base.current });
          setStatus("error");
        } else {
          setStatus(isUnauthorized(error) ? "error" : "offline");
        }
      },
    }),
  );

  // Autosave a moment after the last change.
  useEffect(() => {
    if (!editable || status !== "dirty" || conflict || save.isPending) return;
    const timer = setTimeout(
      () => save.mutate({ id: draft.id, lockVersion: lock.current, content: latest.current }),
      AUTOSAVE_MS,
    );
    return () => clearTimeout(timer);
  }, [content, status, conflict, editable, draft.id, save]);

  const changed = useCallback(
    (next: Report) => {
      dirty.current = true;
      latest.current = next;
      setStatus("dirty");
      writeBackup(draft.id, { content: next, base: lock.current, at: new Date().toISOString() });
    },
    [draft.id],
  );

  const apply = useCallback(
    (next: Report, label: string) => {
      setHistory((h) => record(h, next, label, Date.now()));
      changed(next);
    },
    [changed],
  );

  const setCells = useCallback(
    (changes: readonly (readonly [string, CellValue])[], label: string) => {
      let next = latest.current;
      for (const [path, value] of changes) next = setCell(next, path, value);
      apply(next, label);
    },
    [apply],
  );

  const undoEdit = useCallback(() => {
    if (history.past.length === 0) return;
    const h = undo(history);
    setHistory(h);
    changed(h.present);
  }, [history, changed]);

  const redoEdit = useCallback(() => {
    if (history.future.length === 0) return;
    const h = redo(history);
    setHistory(h);
    changed(h.present);
  }, [history, changed]);

  /**
   * Resolve a conflict: merge (my changes on top of theirs), keep mine (overwrite), or take theirs
   * (mine stays one undo step away and in this browser's storage).
   */
  const resolveConflict = useCallback(
    (choice: "merge" | "mine" | "theirs") => {
      if (!conflict) return;
      if (choice === "merge" || choice === "mine") {
        const content =
          choice === "mine"
            ? conflict.mine
            : mergeDrafts(conflict.base, conflict.mine, conflict.theirs.content, "zh").merged;
        setLockVersion(conflict.theirs.lockVersion);
        lock.current = conflict.theirs.lockVersion;
        base.current = conflict.theirs.content;
        setConflict(null);
        setHistory((h) => record(h, content, "conflict", Date.now()));
        latest.current = content;
        dirty.current = true;
        save.mutate({ id: draft.id, lockVersion: conflict.theirs.lockVersion, content });
      } else {
        writeBackup(`${draft.id}:discarded`, {
          content: conflict.mine,
          base: lock.current,
          at: new Date().toISOString(),
        });
        dirty.current = false;
        // Mine stays one undo step away.
        setHistory((h) => ({ ...reset(h, conflict.theirs.content), past: [...h.past, conflict.mine] }));
        base.current = conflict.theirs.content;
        setLockVersion(conflict.theirs.lockVersion);
        setConflict(null);
        setStatus("saved");
        clearBackup(draft.id);
        void queryClient.invalidateQueries({ queryKey: trpc.reports.get.queryKey({ id: draft.id }) });
      }
    },
    [conflict, draft.id, queryClient, save, trpc],
  );

  /** Save now (before a workflow action, or when the user asks). Resolves with the new lock version. */
  const flush = useCallback(async (): Promise<number> => {
    if (!editable || !dirty.current) return lock.current;
    const saved = await save.mutateAsync({ id: draft.id, lockVersion: lock.current, content: latest.current });
    return saved.lockVersion;
  }, [editable, draft.id, save]);

  const restore = useCallback((backup: Backup) => apply(backup.content, "restore"), [apply]);

  return {
    content,
    lockVersion,
    status,
    conflict,
    lastError,
    dirty: dirty.current,
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    apply,
    setCells,
    undo: undoEdit,
    redo: redoEdit,
    flush,
    resolveConflict,
    restore,
    retry: () => setStatus("dirty"),
  };
}
