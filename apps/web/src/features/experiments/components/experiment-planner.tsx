/** How many customers and weeks an A/B holdout needs to detect a lift with 80 % power. */
import { useId, useState, type FormEvent } from 'react';
import { formatNumber, type Locale } from '@yugang/metrics';
import { ErrorState } from '../../../components/ui/status';
import { useMessages } from '../../../lib/i18n';
import { useExperimentPlan, type ExperimentPlanQuery } from '../api/experiments';
import { experimentsMessages } from '../messages';
import '../experiments.css';

const INITIAL = {
  baseline: '0.1',
  lift: '0.2',
  sd: '',
  holdoutShare: '0.2',
  weeklyEligible: '500',
};
type Form = typeof INITIAL;

function toQuery(form: Form): ExperimentPlanQuery {
  const num = (s: string) => (s.trim() === '' ? undefined : Number(s));
  return {
    baseline: Number(form.baseline),
    lift: Number(form.lift),
    sd: num(form.sd),
    holdoutShare: Number(form.holdoutShare),
    weeklyEligible: num(form.weeklyEligible),
  };
}

export function ExperimentPlanner({ ws, locale }: { ws: string; locale: Locale }) {
  const t = useMessages(experimentsMessages);
  const id = useId();
  const [form, setForm] = useState<Form>(INITIAL);
  const [query, setQuery] = useState<ExperimentPlanQuery>(() => toQuery(INITIAL));
  const plan = useExperimentPlan(ws, query);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setQuery(toQuery(form));
  };
  const field = (key: keyof Form, label: string, step: string) => (
    <label htmlFor={`${id}-${key}`}>
      {label}
      <input
        id={`${id}-${key}`}
        type="number"
        inputMode="decimal"
        step={step}
        min="0"
        value={form[key]}
        onChange={(e) => setForm({ ...form, [key]: e.target.value })}
      />
    </label>
  );
  return (
    <section className="chart-frame" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t.planner}</h3>
      <p className="muted">{t.plannerIntro}</p>
      <form className="planner-form" onSubmit={submit}>
        {field('baseline', t.baseline, 'any')}
        {field('lift', t.liftInput, 'any')}
        {field('sd', t.sd, 'any')}
        {field('holdoutShare', t.holdoutShare, '0.05')}
        {field('weeklyEligible', t.weeklyEligible, '1')}
        <button type="submit">{t.calculate}</button>
      </form>
      {plan.isError ? (
        <ErrorState error={plan.error} />
      ) : plan.data ? (
        <div aria-live="polite">
          <ul className="fact-list">
            <li>
              <span className="fact__name">{t.customers}</span>
              <span className="fact__value" data-testid="plan-customers">
                {formatNumber(plan.data.customers, locale)}
              </span>
            </li>
            <li>
              <span className="fact__name">{t.weeks}</span>
              <span className="fact__value" data-testid="plan-weeks">
                {plan.data.weeks === null ? t.noWeeks : formatNumber(plan.data.weeks, locale)}
              </span>
            </li>
          </ul>
          <p className="takeaway">{plan.data.summary[locale]}</p>
        </div>
      ) : null}
    </section>
  );
}
