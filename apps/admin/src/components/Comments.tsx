import { cellDef, cellName, type Edition } from "@gongkai/schema/meta";
import { formatDate, useI18n } from "@gongkai/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Empty, Input, List, Space, Switch, Tag, Typography } from "antd";
import { useState } from "react";
import type { AdminOutputs } from "../lib/api-types";
import { describeError } from "../lib/errors";
import { useTrpc } from "../lib/trpc";

type Comment = AdminOutputs["comments"]["list"][number];

/** Threads between reviewer and editor, each on a cell (or the whole report); resolve when done. */
export function CommentsPanel({
  reportId,
  edition,
  selectedCell,
  onShowCell,
}: {
  reportId: string;
  edition: Edition;
  selectedCell: string | null;
  onShowCell(path: string): void;
}) {
  const { t, locale } = useI18n();
  const trpc = useTrpc();
  const queryClient = useQueryClient();
  const [body, setBody] = useState("");
  const [onCell, setOnCell] = useState(true);
  const [replyTo, setReplyTo] = useState<string | null>(null);
  const [reply, setReply] = useState("");
  const list = useQuery(trpc.comments.list.queryOptions({ reportId }));
  const invalidate = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.comments.list.queryKey({ reportId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.reports.get.queryKey({ id: reportId }) }),
    ]);
  const add = useMutation(trpc.comments.add.mutationOptions({ onSuccess: () => invalidate() }));
  const resolve = useMutation(trpc.comments.resolve.mutationOptions({ onSuccess: () => invalidate() }));
  const nameOf = (path: string) => {
    const def = cellDef(edition, path);
    return def ? cellName(def, locale) : path;
  };
  const all = list.data ?? [];
  const threads = all.filter((c) => !c.parentId);
  const repliesOf = (id: string) => all.filter((c) => c.parentId === id);
  const target = onCell && selectedCell ? selectedCell : null;
  const post = () =>
    add.mutate(
      { reportId, cell: target, section: null, parentId: null, body },
      {
        onSuccess: () => setBody(""),
      },
    );
  return (
    <div className="comments">
      <div className="comment-form">
        <label htmlFor="new-comment">
          {target ? t("comments.onCell", { cell: nameOf(target) }) : t("comments.general")}
        </label>
        <Input.TextArea
          id="new-comment"
          value={body}
          onChange={(e) => setBody(e.target.value)}
          autoSize={{ minRows: 2, maxRows: 6 }}
        />
        <Space className="gap-small" wrap>
          {selectedCell && (
            <span className="gap-small">
              <Switch size="small" checked={onCell} onChange={setOnCell} aria-label={t("comments.attach")} />{" "}
              {t("comments.attach")}
            </span>
          )}
          <Button type="primary" size="small" disabled={!body.trim()} loading={add.isPending} onClick={post}>
            {t("comments.post")}
          </Button>
        </Space>
        {add.error && <Alert type="error" showIcon title={describeError(add.error, locale)} role="alert" />}
      </div>
      {threads.length === 0 ? (
        <Empty description={t("comments.none")} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List<Comment>
          dataSource={threads}
          renderItem={(c) => (
            <List.Item className={c.resolvedAt ? "comment resolved" : "comment"}>
              <div className="comment-body">
                <Space size={4} wrap>
                  <strong>{c.authorName}</strong>
                  <Typography.Text type="secondary">{formatDate(c.createdAt, locale)}</Typography.Text>
                  {c.resolvedAt ? (
                    <Tag color="success">{t("comments.resolved")}</Tag>
                  ) : (
                    <Tag color="processing">{t("comments.open")}</Tag>
                  )}
                </Space>
                {c.cell && (
                  <div>
                    <Button
                      type="link"
                      size="small"
                      className="link-inline"
                      onClick={() => onShowCell(c.cell as string)}
                    >
                      {nameOf(c.cell)}
                    </Button>
                  </div>
                )}
                <p>{c.body}</p>
                {repliesOf(c.id).map((r) => (
                  <div key={r.id} className="comment-reply">
                    <strong>{r.authorName}</strong>{" "}
                    <Typography.Text type="secondary">{formatDate(r.createdAt, locale)}</Typography.Text>
                    <p>{r.body}</p>
                  </div>
                ))}
                {replyTo === c.id ? (
                  <div>
                    <Input.TextArea
                      aria-label={t("comments.reply")}
                      value={reply}
                      onChange={(e) => setReply(e.target.value)}
                      autoSize={{ minRows: 1 }}
                    />
                    <Space className="gap-small">
                      <Button
                        size="small"
                        type="primary"
                        disabled={!reply.trim()}
                        onClick={() =>
                          add.mutate(
                            { reportId, cell: c.cell, section: c.section, parentId: c.id, body: reply },
                            {
                              onSuccess: () => {
                                setReply("");
                                setReplyTo(null);
                              },
                            },
                          )
                        }
                      >
                        {t("comments.post")}
                      </Button>
                      <Button size="small" onClick={() => setReplyTo(null)}>
                        {t("common.cancel")}
                      </Button>
                    </Space>
                  </div>
                ) : (
                  <Space size={0}>
                    <Button type="link" size="small" onClick={() => setReplyTo(c.id)}>
                      {t("comments.reply")}
                    </Button>
                    {!c.resolvedAt && (
                      <Button
                        type="link"
                        size="small"
                        loading={resolve.isPending}
                        onClick={() => resolve.mutate({ id: c.id })}
                      >
                        {t("comments.resolve")}
                      </Button>
                    )}
                  </Space>
                )}
              </div>
            </List.Item>
          )}
        />
      )}
    </div>
  );
}

/** Open comments per cell, for the badges in the grid. */
export function useOpenCommentCounts(reportId: string): Map<string, number> {
  const trpc = useTrpc();
  const list = useQuery(trpc.comments.list.queryOptions({ reportId }));
  const counts = new Map<string, number>();
  for (const c of list.data ?? [])
    if (c.cell && !c.resolvedAt && !c.parentId) counts.set(c.cell, (counts.get(c.cell) ?? 0) + 1);
  return counts;
}
