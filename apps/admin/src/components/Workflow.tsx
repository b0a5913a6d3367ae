import type { Finding } from "@gongkai/schema";
import { cellDef, cellName, type RuleId } from "@gongkai/schema/meta";
import { useI18n } from "@gongkai/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Checkbox, DatePicker, Form, Input, Modal, Radio, Space, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import type { Draft } from "../lib/api-types";
import { describeError } from "../lib/errors";
import { useMe } from "../lib/me";
import { isApproverOf, isEditorOf } from "../lib/roles";
import { useTrpc } from "../lib/trpc";

interface Ack {
  ruleId: RuleId;
  cells: string[];
  note: string;
}

/** Warnings grouped as the server checks them: one acknowledgement per rule and set of cells. */
export function warningGroups(
  findings: readonly Finding[],
): { key: string; ruleId: RuleId; cells: string[]; messages: Finding["message"][] }[] {
  const groups = new Map<string, { key: string; ruleId: RuleId; cells: string[]; messages: Finding["message"][] }>();
  for (const f of findings) {
    if (f.severity !== "warning") continue;
    const key = `${f.ruleId}|${[...f.cells].sort().join(",")}`;
    const g = groups.get(key) ?? { key, ruleId: f.ruleId, cells: f.cells, messages: [] };
    g.messages.push(f.message);
    groups.set(key, g);
  }
  return [...groups.values()];
}

function Acknowledgements({
  findings,
  value,
  onChange,
}: {
  findings: readonly Finding[];
  value: Record<string, string>;
  onChange(v: Record<string, string>): void;
}) {
  const { t, locale } = useI18n();
  const groups = warningGroups(findings);
  if (groups.length === 0) return null;
  return (
    <div className="acks">
      <Typography.Paragraph>{t("workflow.acksIntro", { n: groups.length })}</Typography.Paragraph>
      {groups.map((g) => (
        <div key={g.key} className="ack">
          <label htmlFor={`ack-${g.key}`}>
            <strong>{g.ruleId}</strong> {g.messages.map((m) => m[locale]).join(" ")}
          </label>
          <Input.TextArea
            id={`ack-${g.key}`}
            autoSize={{ minRows: 1, maxRows: 4 }}
            value={value[g.key] ?? ""}
            placeholder={t("workflow.ackPlaceholder")}
            onChange={(e) => onChange({ ...value, [g.key]: e.target.value })}
            status={(value[g.key] ?? "").trim().length < 2 ? "warning" : undefined}
          />
        </div>
      ))}
    </div>
  );
}

const acksOf = (findings: readonly Finding[], notes: Record<string, string>): Ack[] =>
  warningGroups(findings).map((g) => ({ ruleId: g.ruleId, cells: g.cells, note: (notes[g.key] ?? "").trim() }));
const acksComplete = (findings: readonly Finding[], notes: Record<string, string>) =>
  acksOf(findings, notes).every((a) => a.note.length >= 2);

/**
 * The workflow buttons a user may press on this report now: submit (editor, draft), approve or
 * send back (approver, submitted), publish now or later with sign-off (approver, approved),
 * correct (approver, published).
 */
export function WorkflowActions({
  draft,
  findings,
  flush,
  selectedCell,
}: {
  draft: Draft;
  findings: readonly Finding[];
  /** Saves pending edits first; resolves with the lock version to act on. */
  flush: () => Promise<number>;
  selectedCell: string | null;
}) {
  const { t, locale } = useI18n();
  const me = useMe();
  const trpc = useTrpc();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [open, setOpen] = useState<null | "submit" | "approve" | "sendBack" | "publish" | "correct">(null);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [backMessage, setBackMessage] = useState("");
  const [cellComment, setCellComment] = useState("");
  const [when, setWhen] = useState<"now" | "later">("now");
  const [at, setAt] = useState<Dayjs | null>(null);
  const [signed, setSigned] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<unknown>(null);
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.reports.get.queryKey({ id: draft.id }) });
    await queryClient.invalidateQueries({ queryKey: trpc.reports.list.queryKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.comments.list.queryKey({ reportId: draft.id }) });
  };
  const done = async (text: string) => {
    setOpen(null);
    setError(null);
    await refresh();
    void message.success(text);
  };
  const submit = useMutation(trpc.reports.submit.mutationOptions());
  const approve = useMutation(trpc.reports.approve.mutationOptions());
  const sendBack = useMutation(trpc.reports.sendBack.mutationOptions());
  const publish = useMutation(trpc.reports.publish.mutationOptions());
  const correct = useMutation(trpc.reports.correct.mutationOptions());
  const busy = submit.isPending || approve.isPending || sendBack.isPending || publish.isPending || correct.isPending;
  const errors = findings.filter((f) => f.severity === "error");
  const editor = isEditorOf(me, draft.agency.id);
  const approver = isApproverOf(me, draft.agency.id);
  const run = async (work: () => Promise<unknown>, text: string) => {
    try {
      setError(null);
      await work();
      await done(text);
    } catch (e) {
      setError(e);
    }
  };
  const cellLabel = selectedCell
    ? cellName(cellDef(draft.edition, selectedCell) ?? ({ path: selectedCell } as never), locale)
    : null;

  return (
    <>
      <Space wrap>
        {editor && draft.state === "draft" && (
          <Button type="primary" onClick={() => setOpen("submit")}>
            {t("workflow.submit")}
          </Button>
        )}
        {approver && draft.state === "submitted" && (
          <Button type="primary" onClick={() => setOpen("approve")}>
            {t("workflow.approve")}
          </Button>
        )}
        {approver && (draft.state === "submitted" || draft.state === "approved" || draft.state === "scheduled") && (
          <Button danger onClick={() => setOpen("sendBack")}>
            {t("workflow.sendBack")}
          </Button>
        )}
        {approver && (draft.state === "approved" || draft.state === "scheduled") && (
          <Button type="primary" onClick={() => setOpen("publish")}>
            {t("workflow.publish")}
          </Button>
        )}
        {approver && draft.state === "published" && (
          <Button onClick={() => setOpen("correct")}>{t("workflow.correct")}</Button>
        )}
      </Space>

      <Modal
        open={open === "submit"}
        title={t("workflow.submitTitle")}
        okText={t("workflow.submit")}
        cancelText={t("common.cancel")}
        confirmLoading={busy}
        okButtonProps={{ disabled: errors.length > 0 || !acksComplete(findings, notes) }}
        onCancel={() => setOpen(null)}
        onOk={() =>
          void run(async () => {
            const lockVersion = await flush();
            await submit.mutateAsync({ id: draft.id, lockVersion, acknowledgements: acksOf(findings, notes) });
          }, t("workflow.submitted"))
        }
      >
        {errors.length > 0 ? (
          <Alert
            type="error"
            showIcon
            title={t("workflow.errorsBlock", { n: errors.length })}
            description={errors.slice(0, 5).map((f) => <div key={f.message.zh}>{f.message[locale]}</div>)}
          />
        ) : (
          <Typography.Paragraph>{t("workflow.submitIntro")}</Typography.Paragraph>
        )}
        <Acknowledgements findings={findings} value={notes} onChange={setNotes} />
        {error !== null && <Alert type="error" showIcon title={describeError(error, locale)} role="alert" />}
      </Modal>

      <Modal
        open={open === "approve"}
        title={t("workflow.approveTitle")}
        okText={t("workflow.approve")}
        cancelText={t("common.cancel")}
        confirmLoading={busy}
        onCancel={() => setOpen(null)}
        onOk={() =>
          void run(() => approve.mutateAsync({ id: draft.id, lockVersion: draft.lockVersion }), t("workflow.approved"))
        }
      >
        <Typography.Paragraph>{t("workflow.approveIntro")}</Typography.Paragraph>
        {error !== null && <Alert type="error" showIcon title={describeError(error, locale)} role="alert" />}
      </Modal>

      <Modal
        open={open === "sendBack"}
        title={t("workflow.sendBackTitle")}
        okText={t("workflow.sendBack")}
        cancelText={t("common.cancel")}
        okButtonProps={{ danger: true, disabled: backMessage.trim().length < 2 }}
        confirmLoading={busy}
        onCancel={() => setOpen(null)}
        onOk={() =>
          void run(
            () =>
              sendBack.mutateAsync({
                id: draft.id,
                lockVersion: draft.lockVersion,
                message: backMessage,
                comments:
                  selectedCell && cellComment.trim()
                    ? [{ cell: selectedCell, section: null, body: cellComment.trim() }]
                    : [],
              }),
            t("workflow.sentBack"),
          )
        }
      >
        <Form layout="vertical">
          <Form.Item label={t("workflow.sendBackMessage")} required htmlFor="wf-sendback-message">
            <Input.TextArea
              id="wf-sendback-message"
              value={backMessage}
              onChange={(e) => setBackMessage(e.target.value)}
              autoSize={{ minRows: 3 }}
            />
          </Form.Item>
          {selectedCell ? (
            <Form.Item
              label={t("workflow.cellComment", { cell: cellLabel ?? selectedCell })}
              htmlFor="wf-sendback-cell"
            >
              <Input.TextArea
                id="wf-sendback-cell"
                value={cellComment}
                onChange={(e) => setCellComment(e.target.value)}
                autoSize={{ minRows: 2 }}
              />
            </Form.Item>
          ) : (
            <Typography.Paragraph type="secondary">{t("workflow.cellCommentHint")}</Typography.Paragraph>
          )}
        </Form>
        {error !== null && <Alert type="error" showIcon title={describeError(error, locale)} role="alert" />}
      </Modal>

      <Modal
        open={open === "publish"}
        title={t("workflow.publishTitle")}
        okText={when === "now" ? t("workflow.publishNow") : t("workflow.schedule")}
        cancelText={t("common.cancel")}
        confirmLoading={busy}
        okButtonProps={{ disabled: !signed || !acksComplete(findings, notes) || (when === "later" && !at) }}
        onCancel={() => setOpen(null)}
        onOk={() =>
          void run(
            () =>
              publish.mutateAsync({
                id: draft.id,
                lockVersion: draft.lockVersion,
                acknowledgements: acksOf(findings, notes),
                ...(when === "later" && at ? { at: at.toISOString() } : {}),
              }),
            when === "now" ? t("workflow.published") : t("workflow.scheduled"),
          )
        }
      >
        <Radio.Group value={when} onChange={(e) => setWhen(e.target.value)} className="gap">
          <Radio value="now">{t("workflow.now")}</Radio>
          <Radio value="later">{t("workflow.later")}</Radio>
        </Radio.Group>
        {when === "later" && (
          <div className="gap">
            <DatePicker
              showTime
              value={at}
              onChange={setAt}
              aria-label={t("workflow.at")}
              disabledDate={(d) => d.isBefore(new Date(), "day")}
            />
          </div>
        )}
        <Acknowledgements findings={findings} value={notes} onChange={setNotes} />
        <Checkbox checked={signed} onChange={(e) => setSigned(e.target.checked)}>
          {t("workflow.signoff", { name: me.name, version: draft.latestVersion + 1 })}
        </Checkbox>
        {error !== null && (
          <Alert type="error" showIcon title={describeError(error, locale)} role="alert" className="gap" />
        )}
      </Modal>

      <Modal
        open={open === "correct"}
        title={t("workflow.correctTitle")}
        okText={t("workflow.correct")}
        cancelText={t("common.cancel")}
        confirmLoading={busy}
        okButtonProps={{ disabled: reason.trim().length < 5 }}
        onCancel={() => setOpen(null)}
        onOk={() => void run(() => correct.mutateAsync({ id: draft.id, reason }), t("workflow.correcting"))}
      >
        <Typography.Paragraph>{t("workflow.correctIntro")}</Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label={t("workflow.reason")} required htmlFor="wf-correct-reason">
            <Input.TextArea
              id="wf-correct-reason"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              autoSize={{ minRows: 3 }}
            />
          </Form.Item>
        </Form>
        {error !== null && <Alert type="error" showIcon title={describeError(error, locale)} role="alert" />}
      </Modal>
    </>
  );
}
