import { Text } from "@medusajs/ui"
import { useState } from "react"
import { formatCount, formatMoney, moneyNumber } from "../lib/format"
import type { MoneyByCurrency, ReportInterval, ReportPoint } from "../../types/http"
import { useElementWidth } from "../lib/use-element-width"

type ActivityChartProps = {
  series: ReportPoint[]
  interval: ReportInterval
  /** The currency whose commission is drawn; null when there is none yet. */
  currencyCode: string | null
}

type Metric = {
  key: string
  label: string
  color: string
  value: (point: ReportPoint) => number
  format: (value: number) => string
}

const PANEL_HEIGHT = 88
const AXIS_WIDTH = 56
const BAR_GAP = 0.25

const amountIn = (money: MoneyByCurrency, currencyCode: string | null) =>
  moneyNumber(money.find((m) => m.currency_code === currencyCode)?.amount ?? 0)

// Report intervals start at UTC midnight: label them in UTC so a bucket never shows as the day before.
const dayFormat = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" })
const monthFormat = new Intl.DateTimeFormat(undefined, { month: "short", year: "numeric", timeZone: "UTC" })

const bucketLabel = (date: string, interval: ReportInterval) =>
  interval === "month"
    ? monthFormat.format(new Date(date))
    : interval === "week"
      ? `Week of ${dayFormat.format(new Date(date))}`
      : dayFormat.format(new Date(date))

/**
 * Clicks, attributed orders and commission over time as three bar panels sharing one time
 * axis (each with its own scale, so a busy click count does not flatten the orders).
 * Plain SVG: the dashboard ships no chart library. Hovering or focusing a column shows that
 * interval's figures for all three.
 */
export const ActivityChart = ({ series, interval, currencyCode }: ActivityChartProps) => {
  const { ref, width } = useElementWidth<HTMLDivElement>()
  const [active, setActive] = useState<number | null>(null)

  const metrics: Metric[] = [
    { key: "clicks", label: "Clicks", color: "var(--tag-blue-icon)", value: (p) => p.clicks, format: formatCount },
    {
      key: "orders",
      label: "Attributed orders",
      color: "var(--tag-purple-icon)",
      value: (p) => p.orders,
      format: formatCount,
    },
    {
      key: "commission",
      label: currencyCode ? `Commission (${currencyCode.toUpperCase()})` : "Commission",
      color: "var(--tag-green-icon)",
      value: (p) => amountIn(p.commission, currencyCode),
      format: (v) => (currencyCode ? formatMoney(v, currencyCode) : formatCount(v)),
    },
  ]

  const plotWidth = Math.max(0, width - AXIS_WIDTH)
  const step = series.length ? plotWidth / series.length : 0
  const shown = active ?? series.length - 1
  const focusPoint = series[shown]

  return (
    <div ref={ref} className="flex w-full flex-col gap-y-4">
      <div className="flex min-h-[20px] flex-wrap items-baseline gap-x-4 gap-y-1" aria-live="polite">
        {focusPoint && (
          <>
            <Text size="small" weight="plus" leading="compact">
              {bucketLabel(focusPoint.date, interval)}
            </Text>
            {metrics.map((m) => (
              <Text key={m.key} size="small" leading="compact" className="text-ui-fg-subtle flex items-center gap-x-1.5">
                <span className="inline-block size-2 rounded-sm" style={{ background: m.color }} aria-hidden />
                {m.label}: <span className="text-ui-fg-base tabular-nums">{m.format(m.value(focusPoint))}</span>
              </Text>
            ))}
          </>
        )}
      </div>
      {width > 0 &&
        metrics.map((metric, panelIndex) => {
          const values = series.map(metric.value)
          const max = Math.max(0, ...values)
          const min = Math.min(0, ...values)
          const span = max - min || 1
          const y = (v: number) => PANEL_HEIGHT - ((v - min) / span) * PANEL_HEIGHT
          const zeroY = y(0)
          const total = values.reduce((sum, v) => sum + v, 0)
          const isLast = panelIndex === metrics.length - 1
          return (
            <figure key={metric.key} className="m-0 flex flex-col gap-y-1">
              <figcaption className="flex items-baseline justify-between">
                <Text size="xsmall" leading="compact" weight="plus" className="text-ui-fg-subtle">
                  {metric.label}
                </Text>
                <Text size="xsmall" leading="compact" className="text-ui-fg-muted tabular-nums">
                  Total {metric.format(total)}
                </Text>
              </figcaption>
              <svg
                width={width}
                height={PANEL_HEIGHT + (isLast ? 20 : 2)}
                role="img"
                aria-label={`${metric.label} per ${interval}, total ${metric.format(total)}`}
                className="overflow-visible"
              >
                <text x={AXIS_WIDTH - 8} y={10} textAnchor="end" className="fill-ui-fg-muted" fontSize={10}>
                  {metric.format(max)}
                </text>
                {min < 0 && (
                  <text x={AXIS_WIDTH - 8} y={PANEL_HEIGHT} textAnchor="end" className="fill-ui-fg-muted" fontSize={10}>
                    {metric.format(min)}
                  </text>
                )}
                <line
                  x1={AXIS_WIDTH}
                  x2={width}
                  y1={zeroY}
                  y2={zeroY}
                  stroke="var(--border-strong)"
                  strokeWidth={1}
                />
                {series.map((point, i) => {
                  const value = values[i]
                  const top = Math.min(y(value), zeroY)
                  const height = Math.max(value === 0 ? 0 : 1, Math.abs(y(value) - zeroY))
                  const x = AXIS_WIDTH + i * step
                  return (
                    <g key={point.date}>
                      <rect
                        x={x + (step * BAR_GAP) / 2}
                        y={top}
                        width={Math.max(1, step * (1 - BAR_GAP))}
                        height={height}
                        rx={Math.min(2, step / 4)}
                        fill={metric.color}
                        opacity={active === null || active === i ? 1 : 0.45}
                      />
                      {/* The whole column is the hover and focus target, not only the bar. */}
                      <rect
                        x={x}
                        y={0}
                        width={step}
                        height={PANEL_HEIGHT}
                        fill="transparent"
                        tabIndex={panelIndex === 0 ? 0 : -1}
                        aria-label={`${bucketLabel(point.date, interval)}: ${metric.format(value)}`}
                        onMouseEnter={() => setActive(i)}
                        onMouseLeave={() => setActive(null)}
                        onFocus={() => setActive(i)}
                        onBlur={() => setActive(null)}
                      />
                    </g>
                  )
                })}
                {isLast &&
                  axisTicks(series.length).map((i) => (
                    <text
                      key={i}
                      x={AXIS_WIDTH + i * step + step / 2}
                      y={PANEL_HEIGHT + 14}
                      textAnchor={i === 0 ? "start" : i === series.length - 1 ? "end" : "middle"}
                      className="fill-ui-fg-muted"
                      fontSize={10}
                    >
                      {bucketLabel(series[i].date, interval).replace(/^Week of /, "")}
                    </text>
                  ))}
              </svg>
            </figure>
          )
        })}
    </div>
  )
}

/** First, middle and last column: enough dates to read the axis without crowding it. */
const axisTicks = (count: number): number[] =>
  count === 0 ? [] : [...new Set([0, Math.floor((count - 1) / 2), count - 1])]
