import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';

/**
 * A horizontal bar chart whose every bar carries its category label (no label is skipped, however
 * many bars) and its value. `data`: [{name, value, fill?}].
 */
export default function LabelledBarChart({ data, label, domain, format = (v) => String(v), labelWidth = 160, testId }) {
  const height = Math.max(120, data.length * 30 + 40);
  return (
    <div className="chart" role="img" aria-label={label + ': ' + data.map((d) => `${d.name} ${format(d.value)}`).join(', ')} data-testid={testId}>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={data} layout="vertical" margin={{ left: 8, right: 48, top: 4, bottom: 4 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" domain={domain} allowDecimals={!!domain} />
          <YAxis type="category" dataKey="name" width={labelWidth} interval={0} tick={{ fontSize: 12 }} />
          <Bar dataKey="value" fill="#3b5bdb" isAnimationActive={false}>
            {data.map((d) => <Cell key={d.name} fill={d.fill || '#3b5bdb'} />)}
            <LabelList dataKey="value" position="right" formatter={format} className="bar-value" />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
