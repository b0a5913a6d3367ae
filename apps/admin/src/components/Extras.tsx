import type { ExtraMetric, Report } from "@gongkai/schema";
import { cellDefs, cellName, type SectionKey, sectionKeys } from "@gongkai/schema/meta";
import { useI18n } from "@gongkai/ui";
import { Button, Input, InputNumber, Select, Space, Table, Typography } from "antd";

/** Figures the report states outside the template, and notes attached to cells. */
export function ExtrasEditor({
  report,
  readOnly,
  onChange,
}: {
  report: Report;
  readOnly: boolean;
  onChange(next: Report, label: string): void;
}) {
  const { t, locale } = useI18n();
  const metrics = report.extraMetrics;
  const setMetric = (i: number, patch: Partial<ExtraMetric>) =>
    onChange({ ...report, extraMetrics: metrics.map((m, j) => (j === i ? { ...m, ...patch } : m)) }, `extra-${i}`);
  const cellOptions = cellDefs(report.edition).map((d) => ({ value: d.path, label: cellName(d, locale) }));
  const notes = report.footnotes;
  const setNote = (i: number, patch: Partial<Report["footnotes"][number]>) =>
    onChange({ ...report, footnotes: notes.map((n, j) => (j === i ? { ...n, ...patch } : n)) }, `note-${i}`);
  return (
    <section className="section-editor" id="section-extras" aria-labelledby="extras-title">
      <Typography.Title level={2} id="extras-title" className="section-title">
        {t("extras.title")}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t("extras.intro")}</Typography.Paragraph>
      <Table<ExtraMetric & { i: number }>
        size="small"
        rowKey="i"
        pagination={false}
        scroll={{ x: "max-content" }}
        dataSource={metrics.map((m, i) => ({ ...m, i }))}
        locale={{ emptyText: t("extras.none") }}
        columns={[
          {
            title: t("extras.label"),
            key: "label",
            render: (_, m) => (
              <Input
                aria-label={t("extras.label")}
                readOnly={readOnly}
                value={m.label.zh}
                onChange={(e) => setMetric(m.i, { label: { zh: e.target.value, en: m.label.en } })}
              />
            ),
          },
          {
            title: t("extras.labelEn"),
            key: "labelEn",
            render: (_, m) => (
              <Input
                aria-label={t("extras.labelEn")}
                readOnly={readOnly}
                value={m.label.en}
                onChange={(e) => setMetric(m.i, { label: { zh: m.label.zh, en: e.target.value } })}
              />
            ),
          },
          {
            title: t("extras.value"),
            key: "value",
            render: (_, m) => (
              <InputNumber
                aria-label={t("extras.value")}
                readOnly={readOnly}
                value={m.value}
                onChange={(v) => setMetric(m.i, { value: Number(v ?? 0) })}
              />
            ),
          },
          {
            title: t("extras.unit"),
            key: "unit",
            render: (_, m) => (
              <Input
                aria-label={t("extras.unit")}
                readOnly={readOnly}
                value={m.unit}
                onChange={(e) => setMetric(m.i, { unit: e.target.value })}
                style={{ width: 72 }}
              />
            ),
          },
          {
            title: t("extras.qualifier"),
            key: "qualifier",
            render: (_, m) => (
              <Select
                aria-label={t("extras.qualifier")}
                disabled={readOnly}
                value={m.qualifier}
                onChange={(q) => setMetric(m.i, { qualifier: q })}
                options={(["exact", "over", "about", "under"] as const).map((q) => ({
                  value: q,
                  label: t(`extras.q.${q}`),
                }))}
                style={{ width: 110 }}
              />
            ),
          },
          {
            title: t("extras.section"),
            key: "section",
            render: (_, m) => (
              <Select<SectionKey>
                aria-label={t("extras.section")}
                disabled={readOnly}
                allowClear
                value={m.section}
                onChange={(s) => setMetric(m.i, { section: s })}
                options={sectionKeys.map((k) => ({ value: k, label: t(`section.${k}`) }))}
                style={{ width: 140 }}
              />
            ),
          },
          {
            title: "",
            key: "remove",
            render: (_, m) =>
              !readOnly && (
                <Button
                  size="small"
                  danger
                  onClick={() =>
                    onChange({ ...report, extraMetrics: metrics.filter((_, j) => j !== m.i) }, "extra-remove")
                  }
                >
                  {t("common.remove")}
                </Button>
              ),
          },
        ]}
      />
      {!readOnly && (
        <Button
          className="gap-small"
          onClick={() =>
            onChange(
              {
                ...report,
                extraMetrics: [
                  ...metrics,
                  {
                    key: `custom.metric${metrics.length + 1}`,
                    label: { zh: "新指标", en: "New metric" },
                    unit: "条",
                    value: 0,
                    qualifier: "exact",
                  },
                ],
              },
              "extra-add",
            )
          }
        >
          {t("extras.add")}
        </Button>
      )}

      <Typography.Title level={3} className="gap">
        {t("notes.title")}
      </Typography.Title>
      {notes.map((n, i) => (
        <Space key={`${n.cell}-${i}`} className="note-row" wrap align="start">
          <Select
            aria-label={t("notes.cell")}
            disabled={readOnly}
            showSearch
            optionFilterProp="label"
            value={n.cell}
            onChange={(cell) => setNote(i, { cell })}
            options={cellOptions}
            style={{ minWidth: 280 }}
          />
          <Input.TextArea
            aria-label={t("notes.text")}
            readOnly={readOnly}
            value={n.text}
            onChange={(e) => setNote(i, { text: e.target.value })}
            autoSize
            style={{ minWidth: 280 }}
          />
          {!readOnly && (
            <Button
              size="small"
              danger
              onClick={() => onChange({ ...report, footnotes: notes.filter((_, j) => j !== i) }, "note-remove")}
            >
              {t("common.remove")}
            </Button>
          )}
        </Space>
      ))}
      {!readOnly && (
        <Button
          className="gap-small"
          onClick={() =>
            onChange(
              {
                ...report,
                footnotes: [...notes, { cell: cellOptions[0]?.value ?? "t3.newReceived.total", text: "注：" }],
              },
              "note-add",
            )
          }
        >
          {t("notes.add")}
        </Button>
      )}
    </section>
  );
}
