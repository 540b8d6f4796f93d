// Generated from analysisFields.ts by scripts/write-readers.ts (npm run readers): do not edit.
/**
 * The readers of the field table, generated from it by `_generateReaders.ts`: the analysis,
 * one outcome and one input (as JSON, and as the cells of a table's row), each field read by its
 * kind, every issue reported with its path.
 */
import { analysisFields } from './analysisFields.js';
import { readerRuntime } from './_readerRuntime.js';
import type { RecordRule, RecordSpec } from './_fieldSpec.js';
import type {
  AnalysisReaders,
  Invalid,
  ReadFields,
  ReaderRuntime,
  ReadPath,
  ReportIssue,
} from './_readerRuntime.js';

/** The readers of an analysis, one outcome and one input, by the field table. */
export const analysisReaders: AnalysisReaders = makeReaders(analysisFields, readerRuntime);

function makeReaders(t: RecordSpec, rt: ReaderRuntime): AnalysisReaders {
  const { INVALID, FieldProblem } = rt;
  const read_Fields = rt.plainObjects();
  const read_spec = rt.recordAt(t, []);
  const read_known: ReadonlySet<string> = new Set(Object.keys(read_spec.fields));
  const f__schema = rt.scalarAt(t, ['$schema']);
  const f__schema_kind = f__schema.kind;
  const f_name = rt.scalarAt(t, ['name']);
  const f_name_kind = f_name.kind;
  const f_organisation = rt.scalarAt(t, ['organisation']);
  const f_organisation_kind = f_organisation.kind;
  const f_author = rt.scalarAt(t, ['author']);
  const f_author_kind = f_author.kind;
  const f_period = rt.scalarAt(t, ['period']);
  const f_period_kind = f_period.kind;
  const f_kind = rt.scalarAt(t, ['kind']);
  const f_kind_kind = f_kind.kind;
  const f_description = rt.scalarAt(t, ['description']);
  const f_description_kind = f_description.kind;
  const f_date = rt.scalarAt(t, ['date']);
  const f_date_kind = f_date.kind;
  const f_currency = rt.scalarAt(t, ['currency']);
  const f_currency_kind = f_currency.kind;
  const f_priceYear = rt.scalarAt(t, ['priceYear']);
  const f_priceYear_kind = f_priceYear.kind;
  const read_discount_Fields = rt.plainObjects();
  const read_discount_spec = rt.recordAt(t, ['discount']);
  const read_discount_known: ReadonlySet<string> = new Set(Object.keys(read_discount_spec.fields));
  const f_discount_rate = rt.scalarAt(t, ['discount', 'rate']);
  const f_discount_rate_kind = f_discount_rate.kind;
  const f_discount_rates = rt.listAt(t, ['discount', 'rates']);
  const f_discount_rates_item = rt.scalarAt(t, ['discount', 'rates']);
  const f_discount_schedule = rt.scalarAt(t, ['discount', 'schedule']);
  const f_discount_schedule_kind = f_discount_schedule.kind;
  const f_discount_timing = rt.scalarAt(t, ['discount', 'timing']);
  const f_discount_timing_kind = f_discount_timing.kind;
  const f_horizon = rt.scalarAt(t, ['horizon']);
  const f_horizon_kind = f_horizon.kind;
  const f_notStated = rt.listAt(t, ['notStated']);
  const f_notStated_item = rt.scalarAt(t, ['notStated']);
  const f_stakeholders = rt.listAt(t, ['stakeholders']);
  const read_stakeholders_Fields = rt.plainObjects();
  const read_stakeholders_spec = rt.recordAt(t, ['stakeholders']);
  const read_stakeholders_known: ReadonlySet<string> = new Set(
    Object.keys(read_stakeholders_spec.fields),
  );
  const f_stakeholders_id = rt.scalarAt(t, ['stakeholders', 'id']);
  const f_stakeholders_id_kind = f_stakeholders_id.kind;
  const f_stakeholders_name = rt.scalarAt(t, ['stakeholders', 'name']);
  const f_stakeholders_name_kind = f_stakeholders_name.kind;
  const f_stakeholders_size = rt.scalarAt(t, ['stakeholders', 'size']);
  const f_stakeholders_size_kind = f_stakeholders_size.kind;
  const f_stakeholders_description = rt.scalarAt(t, ['stakeholders', 'description']);
  const f_stakeholders_description_kind = f_stakeholders_description.kind;
  const f_inputs = rt.listAt(t, ['inputs']);
  const read_inputs_Fields = rt.plainObjects();
  const read_inputs_spec = rt.recordAt(t, ['inputs']);
  const read_inputs_known: ReadonlySet<string> = new Set(Object.keys(read_inputs_spec.fields));
  const f_inputs_stakeholder = rt.scalarAt(t, ['inputs', 'stakeholder']);
  const f_inputs_stakeholder_kind = f_inputs_stakeholder.kind;
  const f_inputs_description = rt.scalarAt(t, ['inputs', 'description']);
  const f_inputs_description_kind = f_inputs_description.kind;
  const f_inputs_kind = rt.scalarAt(t, ['inputs', 'kind']);
  const f_inputs_kind_kind = f_inputs_kind.kind;
  const f_inputs_value = rt.scalarAt(t, ['inputs', 'value']);
  const f_inputs_value_kind = f_inputs_value.kind;
  const f_inputs_year = rt.scalarAt(t, ['inputs', 'year']);
  const f_inputs_year_kind = f_inputs_year.kind;
  const f_outcomes = rt.listAt(t, ['outcomes']);
  const read_outcomes_Fields = rt.plainObjects();
  const read_outcomes_spec = rt.recordAt(t, ['outcomes']);
  const read_outcomes_known: ReadonlySet<string> = new Set(Object.keys(read_outcomes_spec.fields));
  const f_outcomes_id = rt.scalarAt(t, ['outcomes', 'id']);
  const f_outcomes_id_kind = f_outcomes_id.kind;
  const f_outcomes_stakeholder = rt.scalarAt(t, ['outcomes', 'stakeholder']);
  const f_outcomes_stakeholder_kind = f_outcomes_stakeholder.kind;
  const f_outcomes_outcome = rt.scalarAt(t, ['outcomes', 'outcome']);
  const f_outcomes_outcome_kind = f_outcomes_outcome.kind;
  const f_outcomes_output = rt.scalarAt(t, ['outcomes', 'output']);
  const f_outcomes_output_kind = f_outcomes_output.kind;
  const f_outcomes_indicator = rt.scalarAt(t, ['outcomes', 'indicator']);
  const f_outcomes_indicator_kind = f_outcomes_indicator.kind;
  const f_outcomes_category = rt.scalarAt(t, ['outcomes', 'category']);
  const f_outcomes_category_kind = f_outcomes_category.kind;
  const f_outcomes_quantity = rt.scalarAt(t, ['outcomes', 'quantity']);
  const f_outcomes_quantity_kind = f_outcomes_quantity.kind;
  const f_outcomes_quantityByYear = rt.listAt(t, ['outcomes', 'quantityByYear']);
  const f_outcomes_quantityByYear_item = rt.scalarAt(t, ['outcomes', 'quantityByYear']);
  const read_outcomes_proxy_Fields = rt.plainObjects();
  const read_outcomes_proxy_spec = rt.recordAt(t, ['outcomes', 'proxy']);
  const read_outcomes_proxy_known: ReadonlySet<string> = new Set(
    Object.keys(read_outcomes_proxy_spec.fields),
  );
  const f_outcomes_proxy_description = rt.scalarAt(t, ['outcomes', 'proxy', 'description']);
  const f_outcomes_proxy_description_kind = f_outcomes_proxy_description.kind;
  const f_outcomes_proxy_value = rt.scalarAt(t, ['outcomes', 'proxy', 'value']);
  const f_outcomes_proxy_value_kind = f_outcomes_proxy_value.kind;
  const f_outcomes_proxy_source = rt.scalarAt(t, ['outcomes', 'proxy', 'source']);
  const f_outcomes_proxy_source_kind = f_outcomes_proxy_source.kind;
  const f_outcomes_proxy_priceYear = rt.scalarAt(t, ['outcomes', 'proxy', 'priceYear']);
  const f_outcomes_proxy_priceYear_kind = f_outcomes_proxy_priceYear.kind;
  const f_outcomes_duration = rt.scalarAt(t, ['outcomes', 'duration']);
  const f_outcomes_duration_kind = f_outcomes_duration.kind;
  const f_outcomes_start = rt.scalarAt(t, ['outcomes', 'start']);
  const f_outcomes_start_kind = f_outcomes_start.kind;
  const f_outcomes_deadweight = rt.scalarAt(t, ['outcomes', 'deadweight']);
  const f_outcomes_deadweight_kind = f_outcomes_deadweight.kind;
  const f_outcomes_displacement = rt.scalarAt(t, ['outcomes', 'displacement']);
  const f_outcomes_displacement_kind = f_outcomes_displacement.kind;
  const f_outcomes_attribution = rt.scalarAt(t, ['outcomes', 'attribution']);
  const f_outcomes_attribution_kind = f_outcomes_attribution.kind;
  const f_outcomes_leakage = rt.scalarAt(t, ['outcomes', 'leakage']);
  const f_outcomes_leakage_kind = f_outcomes_leakage.kind;
  const f_outcomes_dropOff = rt.scalarAt(t, ['outcomes', 'dropOff']);
  const f_outcomes_dropOff_kind = f_outcomes_dropOff.kind;
  const read_outcomes_evidence_Fields = rt.plainObjects();
  const read_outcomes_evidence_spec = rt.recordAt(t, ['outcomes', 'evidence']);
  const read_outcomes_evidence_known: ReadonlySet<string> = new Set(
    Object.keys(read_outcomes_evidence_spec.fields),
  );
  const f_outcomes_evidence_quantity = rt.scalarAt(t, ['outcomes', 'evidence', 'quantity']);
  const f_outcomes_evidence_quantity_kind = f_outcomes_evidence_quantity.kind;
  const f_outcomes_evidence_duration = rt.scalarAt(t, ['outcomes', 'evidence', 'duration']);
  const f_outcomes_evidence_duration_kind = f_outcomes_evidence_duration.kind;
  const f_outcomes_evidence_deadweight = rt.scalarAt(t, ['outcomes', 'evidence', 'deadweight']);
  const f_outcomes_evidence_deadweight_kind = f_outcomes_evidence_deadweight.kind;
  const f_outcomes_evidence_displacement = rt.scalarAt(t, ['outcomes', 'evidence', 'displacement']);
  const f_outcomes_evidence_displacement_kind = f_outcomes_evidence_displacement.kind;
  const f_outcomes_evidence_attribution = rt.scalarAt(t, ['outcomes', 'evidence', 'attribution']);
  const f_outcomes_evidence_attribution_kind = f_outcomes_evidence_attribution.kind;
  const f_outcomes_evidence_leakage = rt.scalarAt(t, ['outcomes', 'evidence', 'leakage']);
  const f_outcomes_evidence_leakage_kind = f_outcomes_evidence_leakage.kind;
  const f_outcomes_evidence_dropOff = rt.scalarAt(t, ['outcomes', 'evidence', 'dropOff']);
  const f_outcomes_evidence_dropOff_kind = f_outcomes_evidence_dropOff.kind;
  const f_scenarios = rt.sectionAt(t, ['scenarios']);
  const f_uncertainty = rt.sectionAt(t, ['uncertainty']);

  function read_discount(raw: unknown, path: ReadPath, report: ReportIssue): ReadFields | Invalid {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      return rt.notRecord(raw, path, 'discount', report);
    }
    const r = raw as Readonly<Record<string, unknown>>;
    for (const key in r) {
      if (!read_discount_known.has(key)) {
        rt.unknownKeys(r, read_discount_known, path, report);
        break;
      }
    }
    const out: ReadFields = new read_discount_Fields();
    let v: unknown;
    let x: unknown;
    v = r['rate'];
    if (v !== undefined) {
      x = f_discount_rate_kind.read(v, 'discount.rate');
      if (x instanceof FieldProblem) out['rate'] = rt.problem(x, v, path, 'rate', report);
      else out['rate'] = x;
    }
    v = r['rates'];
    if (v !== undefined) {
      path.push('rates');
      x = rt.list(v, path, 'discount.rates', f_discount_rates.min, report);
      if (x !== INVALID)
        x = rt.values(
          x as readonly unknown[],
          f_discount_rates_item.kind,
          'discount.rates[]',
          path,
          report,
        );
      path.pop();
      out['rates'] = x;
    }
    v = r['schedule'];
    if (v !== undefined) {
      x = f_discount_schedule_kind.read(v, 'discount.schedule');
      if (x instanceof FieldProblem) out['schedule'] = rt.problem(x, v, path, 'schedule', report);
      else out['schedule'] = x;
    }
    v = r['timing'];
    if (v === undefined) out['timing'] = f_discount_timing.default;
    else {
      x = f_discount_timing_kind.read(v, 'discount.timing');
      if (x instanceof FieldProblem) out['timing'] = rt.problem(x, v, path, 'timing', report);
      else out['timing'] = x;
    }
    rt.rule(out, read_discount_spec.rules[0] as RecordRule, raw, path, report);
    return out;
  }

  function read_stakeholders(
    raw: unknown,
    path: ReadPath,
    report: ReportIssue,
  ): ReadFields | Invalid {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      return rt.notRecord(raw, path, 'an item of stakeholders', report);
    }
    const r = raw as Readonly<Record<string, unknown>>;
    for (const key in r) {
      if (!read_stakeholders_known.has(key)) {
        rt.unknownKeys(r, read_stakeholders_known, path, report);
        break;
      }
    }
    const out: ReadFields = new read_stakeholders_Fields();
    let v: unknown;
    let x: unknown;
    v = r['id'];
    if (v !== undefined) {
      x = f_stakeholders_id_kind.read(v, 'id');
      if (x instanceof FieldProblem) out['id'] = rt.problem(x, v, path, 'id', report);
      else if (x !== '') out['id'] = x;
    }
    v = r['name'];
    if (v !== undefined) {
      x = f_stakeholders_name_kind.read(v, 'name');
      if (x instanceof FieldProblem) out['name'] = rt.problem(x, v, path, 'name', report);
      else if (x !== '') out['name'] = x;
    }
    v = r['size'];
    if (v !== undefined) {
      x = f_stakeholders_size_kind.read(v, 'size');
      if (x instanceof FieldProblem) out['size'] = rt.problem(x, v, path, 'size', report);
      else out['size'] = x;
    }
    v = r['description'];
    if (v !== undefined) {
      x = f_stakeholders_description_kind.read(v, 'description');
      if (x instanceof FieldProblem) rt.problem(x, v, path, 'description', report);
    }
    rt.rule(out, read_stakeholders_spec.rules[0] as RecordRule, raw, path, report);
    return out;
  }

  function read_inputs(raw: unknown, path: ReadPath, report: ReportIssue): ReadFields | Invalid {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      return rt.notRecord(raw, path, 'an item of inputs', report);
    }
    const r = raw as Readonly<Record<string, unknown>>;
    for (const key in r) {
      if (!read_inputs_known.has(key)) {
        rt.unknownKeys(r, read_inputs_known, path, report);
        break;
      }
    }
    const out: ReadFields = new read_inputs_Fields();
    let v: unknown;
    let x: unknown;
    v = r['stakeholder'];
    if (v !== undefined) {
      x = f_inputs_stakeholder_kind.read(v, 'stakeholder');
      if (x instanceof FieldProblem)
        out['stakeholder'] = rt.problem(x, v, path, 'stakeholder', report);
      else if (x !== '') out['stakeholder'] = x;
    }
    v = r['description'];
    if (v === undefined)
      out['description'] = rt.missing(path, 'description', 'description', report);
    else {
      x = f_inputs_description_kind.read(v, 'description');
      if (x instanceof FieldProblem)
        out['description'] = rt.problem(x, v, path, 'description', report);
      else if (x === '')
        out['description'] = rt.missing(path, 'description', 'description', report, v);
      else out['description'] = x;
    }
    v = r['kind'];
    if (v !== undefined) {
      x = f_inputs_kind_kind.read(v, 'kind');
      if (x instanceof FieldProblem) out['kind'] = rt.problem(x, v, path, 'kind', report);
      else if (x !== '') out['kind'] = x;
    }
    v = r['value'];
    if (v === undefined) out['value'] = rt.missing(path, 'value', 'value', report);
    else {
      x = f_inputs_value_kind.read(v, 'value');
      if (x instanceof FieldProblem) out['value'] = rt.problem(x, v, path, 'value', report);
      else out['value'] = x;
    }
    v = r['year'];
    if (v === undefined) out['year'] = f_inputs_year.default;
    else {
      x = f_inputs_year_kind.read(v, 'year');
      if (x instanceof FieldProblem) out['year'] = rt.problem(x, v, path, 'year', report);
      else out['year'] = x;
    }

    return out;
  }

  function read_outcomes_proxy(
    raw: unknown,
    path: ReadPath,
    report: ReportIssue,
  ): ReadFields | Invalid {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      return rt.notRecord(raw, path, 'proxy', report);
    }
    const r = raw as Readonly<Record<string, unknown>>;
    for (const key in r) {
      if (!read_outcomes_proxy_known.has(key)) {
        rt.unknownKeys(r, read_outcomes_proxy_known, path, report);
        break;
      }
    }
    const out: ReadFields = new read_outcomes_proxy_Fields();
    let v: unknown;
    let x: unknown;
    v = r['description'];
    if (v !== undefined) {
      x = f_outcomes_proxy_description_kind.read(v, 'proxy.description');
      if (x instanceof FieldProblem)
        out['description'] = rt.problem(x, v, path, 'description', report);
      else if (x !== '') out['description'] = x;
    }
    v = r['value'];
    if (v === undefined) out['value'] = rt.missing(path, 'value', 'proxy.value', report);
    else {
      x = f_outcomes_proxy_value_kind.read(v, 'proxy.value');
      if (x instanceof FieldProblem) out['value'] = rt.problem(x, v, path, 'value', report);
      else out['value'] = x;
    }
    v = r['source'];
    if (v !== undefined) {
      x = f_outcomes_proxy_source_kind.read(v, 'proxy.source');
      if (x instanceof FieldProblem) out['source'] = rt.problem(x, v, path, 'source', report);
      else if (x !== '') out['source'] = x;
    }
    v = r['priceYear'];
    if (v !== undefined) {
      x = f_outcomes_proxy_priceYear_kind.read(v, 'proxy.priceYear');
      if (x instanceof FieldProblem) out['priceYear'] = rt.problem(x, v, path, 'priceYear', report);
      else out['priceYear'] = x;
    }

    return out;
  }

  function read_outcomes_evidence(
    raw: unknown,
    path: ReadPath,
    report: ReportIssue,
  ): ReadFields | Invalid {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      return rt.notRecord(raw, path, 'evidence', report);
    }
    const r = raw as Readonly<Record<string, unknown>>;
    for (const key in r) {
      if (!read_outcomes_evidence_known.has(key)) {
        rt.unknownKeys(r, read_outcomes_evidence_known, path, report);
        break;
      }
    }
    const out: ReadFields = new read_outcomes_evidence_Fields();
    let v: unknown;
    let x: unknown;
    v = r['quantity'];
    if (v !== undefined) {
      x = f_outcomes_evidence_quantity_kind.read(v, 'evidence.quantity');
      if (x instanceof FieldProblem) out['quantity'] = rt.problem(x, v, path, 'quantity', report);
      else if (x !== '') out['quantity'] = x;
    }
    v = r['duration'];
    if (v !== undefined) {
      x = f_outcomes_evidence_duration_kind.read(v, 'evidence.duration');
      if (x instanceof FieldProblem) out['duration'] = rt.problem(x, v, path, 'duration', report);
      else if (x !== '') out['duration'] = x;
    }
    v = r['deadweight'];
    if (v !== undefined) {
      x = f_outcomes_evidence_deadweight_kind.read(v, 'evidence.deadweight');
      if (x instanceof FieldProblem)
        out['deadweight'] = rt.problem(x, v, path, 'deadweight', report);
      else if (x !== '') out['deadweight'] = x;
    }
    v = r['displacement'];
    if (v !== undefined) {
      x = f_outcomes_evidence_displacement_kind.read(v, 'evidence.displacement');
      if (x instanceof FieldProblem)
        out['displacement'] = rt.problem(x, v, path, 'displacement', report);
      else if (x !== '') out['displacement'] = x;
    }
    v = r['attribution'];
    if (v !== undefined) {
      x = f_outcomes_evidence_attribution_kind.read(v, 'evidence.attribution');
      if (x instanceof FieldProblem)
        out['attribution'] = rt.problem(x, v, path, 'attribution', report);
      else if (x !== '') out['attribution'] = x;
    }
    v = r['leakage'];
    if (v !== undefined) {
      x = f_outcomes_evidence_leakage_kind.read(v, 'evidence.leakage');
      if (x instanceof FieldProblem) out['leakage'] = rt.problem(x, v, path, 'leakage', report);
      else if (x !== '') out['leakage'] = x;
    }
    v = r['dropOff'];
    if (v !== undefined) {
      x = f_outcomes_evidence_dropOff_kind.read(v, 'evidence.dropOff');
      if (x instanceof FieldProblem) out['dropOff'] = rt.problem(x, v, path, 'dropOff', report);
      else if (x !== '') out['dropOff'] = x;
    }

    return out;
  }

  function read_outcomes(raw: unknown, path: ReadPath, report: ReportIssue): ReadFields | Invalid {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      return rt.notRecord(raw, path, 'an item of outcomes', report);
    }
    const r = raw as Readonly<Record<string, unknown>>;
    for (const key in r) {
      if (!read_outcomes_known.has(key)) {
        rt.unknownKeys(r, read_outcomes_known, path, report);
        break;
      }
    }
    const out: ReadFields = new read_outcomes_Fields();
    let v: unknown;
    let x: unknown;
    v = r['id'];
    if (v !== undefined) {
      x = f_outcomes_id_kind.read(v, 'id');
      if (x instanceof FieldProblem) out['id'] = rt.problem(x, v, path, 'id', report);
      else if (x !== '') out['id'] = x;
    }
    v = r['stakeholder'];
    if (v === undefined)
      out['stakeholder'] = rt.missing(path, 'stakeholder', 'stakeholder', report);
    else {
      x = f_outcomes_stakeholder_kind.read(v, 'stakeholder');
      if (x instanceof FieldProblem)
        out['stakeholder'] = rt.problem(x, v, path, 'stakeholder', report);
      else if (x === '')
        out['stakeholder'] = rt.missing(path, 'stakeholder', 'stakeholder', report, v);
      else out['stakeholder'] = x;
    }
    v = r['outcome'];
    if (v === undefined) out['outcome'] = rt.missing(path, 'outcome', 'outcome', report);
    else {
      x = f_outcomes_outcome_kind.read(v, 'outcome');
      if (x instanceof FieldProblem) out['outcome'] = rt.problem(x, v, path, 'outcome', report);
      else if (x === '') out['outcome'] = rt.missing(path, 'outcome', 'outcome', report, v);
      else out['outcome'] = x;
    }
    v = r['output'];
    if (v !== undefined) {
      x = f_outcomes_output_kind.read(v, 'output');
      if (x instanceof FieldProblem) out['output'] = rt.problem(x, v, path, 'output', report);
      else if (x !== '') out['output'] = x;
    }
    v = r['indicator'];
    if (v !== undefined) {
      x = f_outcomes_indicator_kind.read(v, 'indicator');
      if (x instanceof FieldProblem) out['indicator'] = rt.problem(x, v, path, 'indicator', report);
      else if (x !== '') out['indicator'] = x;
    }
    v = r['category'];
    if (v !== undefined) {
      x = f_outcomes_category_kind.read(v, 'category');
      if (x instanceof FieldProblem) out['category'] = rt.problem(x, v, path, 'category', report);
      else if (x !== '') out['category'] = x;
    }
    v = r['quantity'];
    if (v !== undefined) {
      x = f_outcomes_quantity_kind.read(v, 'quantity');
      if (x instanceof FieldProblem) out['quantity'] = rt.problem(x, v, path, 'quantity', report);
      else out['quantity'] = x;
    }
    v = r['quantityByYear'];
    if (v !== undefined) {
      path.push('quantityByYear');
      x = rt.list(v, path, 'quantityByYear', f_outcomes_quantityByYear.min, report);
      if (x !== INVALID)
        x = rt.values(
          x as readonly unknown[],
          f_outcomes_quantityByYear_item.kind,
          'quantityByYear[]',
          path,
          report,
        );
      path.pop();
      out['quantityByYear'] = x;
    }
    v = r['proxy'];
    if (v === undefined) out['proxy'] = rt.missing(path, 'proxy', 'proxy', report);
    else {
      path.push('proxy');
      x = read_outcomes_proxy(v, path, report);
      path.pop();
      out['proxy'] = x;
    }
    v = r['duration'];
    if (v === undefined) out['duration'] = rt.missing(path, 'duration', 'duration', report);
    else {
      x = f_outcomes_duration_kind.read(v, 'duration');
      if (x instanceof FieldProblem) out['duration'] = rt.problem(x, v, path, 'duration', report);
      else out['duration'] = x;
    }
    v = r['start'];
    if (v === undefined) out['start'] = f_outcomes_start.default;
    else {
      x = f_outcomes_start_kind.read(v, 'start');
      if (x instanceof FieldProblem) out['start'] = rt.problem(x, v, path, 'start', report);
      else out['start'] = x;
    }
    v = r['deadweight'];
    if (v === undefined) out['deadweight'] = f_outcomes_deadweight.default;
    else {
      x = f_outcomes_deadweight_kind.read(v, 'deadweight');
      if (x instanceof FieldProblem)
        out['deadweight'] = rt.problem(x, v, path, 'deadweight', report);
      else out['deadweight'] = x;
    }
    v = r['displacement'];
    if (v === undefined) out['displacement'] = f_outcomes_displacement.default;
    else {
      x = f_outcomes_displacement_kind.read(v, 'displacement');
      if (x instanceof FieldProblem)
        out['displacement'] = rt.problem(x, v, path, 'displacement', report);
      else out['displacement'] = x;
    }
    v = r['attribution'];
    if (v === undefined) out['attribution'] = f_outcomes_attribution.default;
    else {
      x = f_outcomes_attribution_kind.read(v, 'attribution');
      if (x instanceof FieldProblem)
        out['attribution'] = rt.problem(x, v, path, 'attribution', report);
      else out['attribution'] = x;
    }
    v = r['leakage'];
    if (v === undefined) out['leakage'] = f_outcomes_leakage.default;
    else {
      x = f_outcomes_leakage_kind.read(v, 'leakage');
      if (x instanceof FieldProblem) out['leakage'] = rt.problem(x, v, path, 'leakage', report);
      else out['leakage'] = x;
    }
    v = r['dropOff'];
    if (v === undefined) out['dropOff'] = f_outcomes_dropOff.default;
    else {
      x = f_outcomes_dropOff_kind.read(v, 'dropOff');
      if (x instanceof FieldProblem) out['dropOff'] = rt.problem(x, v, path, 'dropOff', report);
      else out['dropOff'] = x;
    }
    v = r['evidence'];
    if (v !== undefined) {
      path.push('evidence');
      x = read_outcomes_evidence(v, path, report);
      path.pop();
      if (x === INVALID || !rt.isEmpty(x as ReadFields)) out['evidence'] = x;
    }
    rt.rule(out, read_outcomes_spec.rules[0] as RecordRule, raw, path, report);
    return out;
  }

  function read(
    raw: unknown,
    path: ReadPath,
    report: ReportIssue,
    omit?: ReadonlySet<string>,
  ): ReadFields | Invalid {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      return rt.notRecord(raw, path, 'the analysis', report);
    }
    const r = raw as Readonly<Record<string, unknown>>;
    for (const key in r) {
      if (!read_known.has(key)) {
        rt.unknownKeys(r, read_known, path, report);
        break;
      }
    }
    const out: ReadFields = new read_Fields();
    let v: unknown;
    let x: unknown;
    if (omit === undefined || !omit.has('$schema')) {
      v = r['$schema'];
      if (v !== undefined) {
        x = f__schema_kind.read(v, '$schema');
        if (x instanceof FieldProblem) rt.problem(x, v, path, '$schema', report);
      }
    }
    if (omit === undefined || !omit.has('name')) {
      v = r['name'];
      if (v === undefined) out['name'] = rt.missing(path, 'name', 'name', report);
      else {
        x = f_name_kind.read(v, 'name');
        if (x instanceof FieldProblem) out['name'] = rt.problem(x, v, path, 'name', report);
        else if (x === '') out['name'] = rt.missing(path, 'name', 'name', report, v);
        else out['name'] = x;
      }
    }
    if (omit === undefined || !omit.has('organisation')) {
      v = r['organisation'];
      if (v !== undefined) {
        x = f_organisation_kind.read(v, 'organisation');
        if (x instanceof FieldProblem)
          out['organisation'] = rt.problem(x, v, path, 'organisation', report);
        else if (x !== '') out['organisation'] = x;
      }
    }
    if (omit === undefined || !omit.has('author')) {
      v = r['author'];
      if (v !== undefined) {
        x = f_author_kind.read(v, 'author');
        if (x instanceof FieldProblem) out['author'] = rt.problem(x, v, path, 'author', report);
        else if (x !== '') out['author'] = x;
      }
    }
    if (omit === undefined || !omit.has('period')) {
      v = r['period'];
      if (v !== undefined) {
        x = f_period_kind.read(v, 'period');
        if (x instanceof FieldProblem) out['period'] = rt.problem(x, v, path, 'period', report);
        else if (x !== '') out['period'] = x;
      }
    }
    if (omit === undefined || !omit.has('kind')) {
      v = r['kind'];
      if (v !== undefined) {
        x = f_kind_kind.read(v, 'kind');
        if (x instanceof FieldProblem) out['kind'] = rt.problem(x, v, path, 'kind', report);
        else out['kind'] = x;
      }
    }
    if (omit === undefined || !omit.has('description')) {
      v = r['description'];
      if (v !== undefined) {
        x = f_description_kind.read(v, 'description');
        if (x instanceof FieldProblem)
          out['description'] = rt.problem(x, v, path, 'description', report);
        else if (x !== '') out['description'] = x;
      }
    }
    if (omit === undefined || !omit.has('date')) {
      v = r['date'];
      if (v !== undefined) {
        x = f_date_kind.read(v, 'date');
        if (x instanceof FieldProblem) out['date'] = rt.problem(x, v, path, 'date', report);
        else if (x !== '') out['date'] = x;
      }
    }
    if (omit === undefined || !omit.has('currency')) {
      v = r['currency'];
      if (v === undefined) out['currency'] = f_currency.default;
      else {
        x = f_currency_kind.read(v, 'currency');
        if (x instanceof FieldProblem) out['currency'] = rt.problem(x, v, path, 'currency', report);
        else out['currency'] = x;
      }
    }
    if (omit === undefined || !omit.has('priceYear')) {
      v = r['priceYear'];
      if (v !== undefined) {
        x = f_priceYear_kind.read(v, 'priceYear');
        if (x instanceof FieldProblem)
          out['priceYear'] = rt.problem(x, v, path, 'priceYear', report);
        else out['priceYear'] = x;
      }
    }
    if (omit === undefined || !omit.has('discount')) {
      v = r['discount'];
      if (v !== undefined) {
        path.push('discount');
        x = read_discount(v, path, report);
        path.pop();
        out['discount'] = x;
      }
    }
    if (omit === undefined || !omit.has('horizon')) {
      v = r['horizon'];
      if (v !== undefined) {
        x = f_horizon_kind.read(v, 'horizon');
        if (x instanceof FieldProblem) out['horizon'] = rt.problem(x, v, path, 'horizon', report);
        else out['horizon'] = x;
      }
    }
    if (omit === undefined || !omit.has('notStated')) {
      v = r['notStated'];
      if (v !== undefined) {
        path.push('notStated');
        x = rt.list(v, path, 'notStated', f_notStated.min, report);
        if (x !== INVALID)
          x = rt.values(
            x as readonly unknown[],
            f_notStated_item.kind,
            'notStated[]',
            path,
            report,
          );
        path.pop();
        out['notStated'] = x;
      }
    }
    if (omit === undefined || !omit.has('stakeholders')) {
      v = r['stakeholders'];
      if (v !== undefined) {
        path.push('stakeholders');
        x = rt.list(v, path, 'stakeholders', f_stakeholders.min, report);
        if (x !== INVALID) x = rt.records(x as readonly unknown[], read_stakeholders, path, report);
        path.pop();
        out['stakeholders'] = x;
      }
    }
    if (omit === undefined || !omit.has('inputs')) {
      v = r['inputs'];
      if (v !== undefined) {
        path.push('inputs');
        x = rt.list(v, path, 'inputs', f_inputs.min, report);
        if (x !== INVALID) x = rt.records(x as readonly unknown[], read_inputs, path, report);
        path.pop();
        out['inputs'] = x;
      }
    }
    if (omit === undefined || !omit.has('outcomes')) {
      v = r['outcomes'];
      if (v === undefined) out['outcomes'] = rt.missing(path, 'outcomes', 'outcomes', report);
      else {
        path.push('outcomes');
        x = rt.list(v, path, 'outcomes', f_outcomes.min, report);
        if (x !== INVALID) x = rt.records(x as readonly unknown[], read_outcomes, path, report);
        path.pop();
        out['outcomes'] = x;
      }
    }
    if (omit === undefined || !omit.has('scenarios')) {
      v = r['scenarios'];
      if (v !== undefined) rt.section(f_scenarios.read(v), report);
    }
    if (omit === undefined || !omit.has('uncertainty')) {
      v = r['uncertainty'];
      if (v !== undefined) rt.section(f_uncertainty.read(v), report);
    }

    return out;
  }

  function cells_outcomes_proxy(
    cells: readonly unknown[],
    path: ReadPath,
    report: ReportIssue,
  ): ReadFields {
    const out: ReadFields = new read_outcomes_proxy_Fields();
    let v: unknown;
    let x: unknown;
    v = cells[8];
    if (v !== undefined) {
      x = f_outcomes_proxy_description_kind.read(v, 'proxy.description');
      if (x instanceof FieldProblem)
        out['description'] = rt.problem(x, v, path, 'description', report);
      else if (x !== '') out['description'] = x;
    }
    v = cells[9];
    if (v === undefined) out['value'] = rt.missing(path, 'value', 'proxy.value', report);
    else {
      x = f_outcomes_proxy_value_kind.read(v, 'proxy.value');
      if (x instanceof FieldProblem) out['value'] = rt.problem(x, v, path, 'value', report);
      else out['value'] = x;
    }
    v = cells[10];
    if (v !== undefined) {
      x = f_outcomes_proxy_source_kind.read(v, 'proxy.source');
      if (x instanceof FieldProblem) out['source'] = rt.problem(x, v, path, 'source', report);
      else if (x !== '') out['source'] = x;
    }
    v = cells[11];
    if (v !== undefined) {
      x = f_outcomes_proxy_priceYear_kind.read(v, 'proxy.priceYear');
      if (x instanceof FieldProblem) out['priceYear'] = rt.problem(x, v, path, 'priceYear', report);
      else out['priceYear'] = x;
    }

    return out;
  }

  function cells_outcomes_evidence(
    cells: readonly unknown[],
    path: ReadPath,
    report: ReportIssue,
  ): ReadFields {
    const out: ReadFields = new read_outcomes_evidence_Fields();
    let v: unknown;
    let x: unknown;
    v = cells[19];
    if (v !== undefined) {
      x = f_outcomes_evidence_quantity_kind.read(v, 'evidence.quantity');
      if (x instanceof FieldProblem) out['quantity'] = rt.problem(x, v, path, 'quantity', report);
      else if (x !== '') out['quantity'] = x;
    }
    v = cells[20];
    if (v !== undefined) {
      x = f_outcomes_evidence_duration_kind.read(v, 'evidence.duration');
      if (x instanceof FieldProblem) out['duration'] = rt.problem(x, v, path, 'duration', report);
      else if (x !== '') out['duration'] = x;
    }
    v = cells[21];
    if (v !== undefined) {
      x = f_outcomes_evidence_deadweight_kind.read(v, 'evidence.deadweight');
      if (x instanceof FieldProblem)
        out['deadweight'] = rt.problem(x, v, path, 'deadweight', report);
      else if (x !== '') out['deadweight'] = x;
    }
    v = cells[22];
    if (v !== undefined) {
      x = f_outcomes_evidence_displacement_kind.read(v, 'evidence.displacement');
      if (x instanceof FieldProblem)
        out['displacement'] = rt.problem(x, v, path, 'displacement', report);
      else if (x !== '') out['displacement'] = x;
    }
    v = cells[23];
    if (v !== undefined) {
      x = f_outcomes_evidence_attribution_kind.read(v, 'evidence.attribution');
      if (x instanceof FieldProblem)
        out['attribution'] = rt.problem(x, v, path, 'attribution', report);
      else if (x !== '') out['attribution'] = x;
    }
    v = cells[24];
    if (v !== undefined) {
      x = f_outcomes_evidence_leakage_kind.read(v, 'evidence.leakage');
      if (x instanceof FieldProblem) out['leakage'] = rt.problem(x, v, path, 'leakage', report);
      else if (x !== '') out['leakage'] = x;
    }
    v = cells[25];
    if (v !== undefined) {
      x = f_outcomes_evidence_dropOff_kind.read(v, 'evidence.dropOff');
      if (x instanceof FieldProblem) out['dropOff'] = rt.problem(x, v, path, 'dropOff', report);
      else if (x !== '') out['dropOff'] = x;
    }

    return out;
  }

  function cells_outcomes(
    cells: readonly unknown[],
    path: ReadPath,
    report: ReportIssue,
  ): ReadFields {
    const out: ReadFields = new read_outcomes_Fields();
    let v: unknown;
    let x: unknown;
    v = cells[0];
    if (v !== undefined) {
      x = f_outcomes_id_kind.read(v, 'id');
      if (x instanceof FieldProblem) out['id'] = rt.problem(x, v, path, 'id', report);
      else if (x !== '') out['id'] = x;
    }
    v = cells[1];
    if (v === undefined)
      out['stakeholder'] = rt.missing(path, 'stakeholder', 'stakeholder', report);
    else {
      x = f_outcomes_stakeholder_kind.read(v, 'stakeholder');
      if (x instanceof FieldProblem)
        out['stakeholder'] = rt.problem(x, v, path, 'stakeholder', report);
      else if (x === '')
        out['stakeholder'] = rt.missing(path, 'stakeholder', 'stakeholder', report, v);
      else out['stakeholder'] = x;
    }
    v = cells[2];
    if (v === undefined) out['outcome'] = rt.missing(path, 'outcome', 'outcome', report);
    else {
      x = f_outcomes_outcome_kind.read(v, 'outcome');
      if (x instanceof FieldProblem) out['outcome'] = rt.problem(x, v, path, 'outcome', report);
      else if (x === '') out['outcome'] = rt.missing(path, 'outcome', 'outcome', report, v);
      else out['outcome'] = x;
    }
    v = cells[3];
    if (v !== undefined) {
      x = f_outcomes_output_kind.read(v, 'output');
      if (x instanceof FieldProblem) out['output'] = rt.problem(x, v, path, 'output', report);
      else if (x !== '') out['output'] = x;
    }
    v = cells[4];
    if (v !== undefined) {
      x = f_outcomes_indicator_kind.read(v, 'indicator');
      if (x instanceof FieldProblem) out['indicator'] = rt.problem(x, v, path, 'indicator', report);
      else if (x !== '') out['indicator'] = x;
    }
    v = cells[5];
    if (v !== undefined) {
      x = f_outcomes_category_kind.read(v, 'category');
      if (x instanceof FieldProblem) out['category'] = rt.problem(x, v, path, 'category', report);
      else if (x !== '') out['category'] = x;
    }
    v = cells[6];
    if (v !== undefined) {
      x = f_outcomes_quantity_kind.read(v, 'quantity');
      if (x instanceof FieldProblem) out['quantity'] = rt.problem(x, v, path, 'quantity', report);
      else out['quantity'] = x;
    }
    v = cells[7];
    if (v !== undefined) {
      path.push('quantityByYear');
      x = rt.list(v, path, 'quantityByYear', f_outcomes_quantityByYear.min, report);
      if (x !== INVALID)
        x = rt.values(
          x as readonly unknown[],
          f_outcomes_quantityByYear_item.kind,
          'quantityByYear[]',
          path,
          report,
        );
      path.pop();
      out['quantityByYear'] = x;
    }
    path.push('proxy');
    x = cells_outcomes_proxy(cells, path, report);
    path.pop();
    out['proxy'] = x;
    v = cells[12];
    if (v === undefined) out['duration'] = rt.missing(path, 'duration', 'duration', report);
    else {
      x = f_outcomes_duration_kind.read(v, 'duration');
      if (x instanceof FieldProblem) out['duration'] = rt.problem(x, v, path, 'duration', report);
      else out['duration'] = x;
    }
    v = cells[13];
    if (v === undefined) out['start'] = f_outcomes_start.default;
    else {
      x = f_outcomes_start_kind.read(v, 'start');
      if (x instanceof FieldProblem) out['start'] = rt.problem(x, v, path, 'start', report);
      else out['start'] = x;
    }
    v = cells[14];
    if (v === undefined) out['deadweight'] = f_outcomes_deadweight.default;
    else {
      x = f_outcomes_deadweight_kind.read(v, 'deadweight');
      if (x instanceof FieldProblem)
        out['deadweight'] = rt.problem(x, v, path, 'deadweight', report);
      else out['deadweight'] = x;
    }
    v = cells[15];
    if (v === undefined) out['displacement'] = f_outcomes_displacement.default;
    else {
      x = f_outcomes_displacement_kind.read(v, 'displacement');
      if (x instanceof FieldProblem)
        out['displacement'] = rt.problem(x, v, path, 'displacement', report);
      else out['displacement'] = x;
    }
    v = cells[16];
    if (v === undefined) out['attribution'] = f_outcomes_attribution.default;
    else {
      x = f_outcomes_attribution_kind.read(v, 'attribution');
      if (x instanceof FieldProblem)
        out['attribution'] = rt.problem(x, v, path, 'attribution', report);
      else out['attribution'] = x;
    }
    v = cells[17];
    if (v === undefined) out['leakage'] = f_outcomes_leakage.default;
    else {
      x = f_outcomes_leakage_kind.read(v, 'leakage');
      if (x instanceof FieldProblem) out['leakage'] = rt.problem(x, v, path, 'leakage', report);
      else out['leakage'] = x;
    }
    v = cells[18];
    if (v === undefined) out['dropOff'] = f_outcomes_dropOff.default;
    else {
      x = f_outcomes_dropOff_kind.read(v, 'dropOff');
      if (x instanceof FieldProblem) out['dropOff'] = rt.problem(x, v, path, 'dropOff', report);
      else out['dropOff'] = x;
    }
    if (
      cells[19] !== undefined ||
      cells[20] !== undefined ||
      cells[21] !== undefined ||
      cells[22] !== undefined ||
      cells[23] !== undefined ||
      cells[24] !== undefined ||
      cells[25] !== undefined
    ) {
      path.push('evidence');
      x = cells_outcomes_evidence(cells, path, report);
      path.pop();
      if (x === INVALID || !rt.isEmpty(x as ReadFields)) out['evidence'] = x;
    }
    rt.rule(out, read_outcomes_spec.rules[0] as RecordRule, undefined, path, report);
    return out;
  }

  function cells_inputs(
    cells: readonly unknown[],
    path: ReadPath,
    report: ReportIssue,
  ): ReadFields {
    const out: ReadFields = new read_inputs_Fields();
    let v: unknown;
    let x: unknown;
    v = cells[0];
    if (v !== undefined) {
      x = f_inputs_stakeholder_kind.read(v, 'stakeholder');
      if (x instanceof FieldProblem)
        out['stakeholder'] = rt.problem(x, v, path, 'stakeholder', report);
      else if (x !== '') out['stakeholder'] = x;
    }
    v = cells[1];
    if (v === undefined)
      out['description'] = rt.missing(path, 'description', 'description', report);
    else {
      x = f_inputs_description_kind.read(v, 'description');
      if (x instanceof FieldProblem)
        out['description'] = rt.problem(x, v, path, 'description', report);
      else if (x === '')
        out['description'] = rt.missing(path, 'description', 'description', report, v);
      else out['description'] = x;
    }
    v = cells[2];
    if (v !== undefined) {
      x = f_inputs_kind_kind.read(v, 'kind');
      if (x instanceof FieldProblem) out['kind'] = rt.problem(x, v, path, 'kind', report);
      else if (x !== '') out['kind'] = x;
    }
    v = cells[3];
    if (v === undefined) out['value'] = rt.missing(path, 'value', 'value', report);
    else {
      x = f_inputs_value_kind.read(v, 'value');
      if (x instanceof FieldProblem) out['value'] = rt.problem(x, v, path, 'value', report);
      else out['value'] = x;
    }
    v = cells[4];
    if (v === undefined) out['year'] = f_inputs_year.default;
    else {
      x = f_inputs_year_kind.read(v, 'year');
      if (x instanceof FieldProblem) out['year'] = rt.problem(x, v, path, 'year', report);
      else out['year'] = x;
    }

    return out;
  }
  return {
    analysis: read,
    outcome: read_outcomes,
    input: read_inputs,
    outcomeCells: {
      fields: [
        'id',
        'stakeholder',
        'outcome',
        'output',
        'indicator',
        'category',
        'quantity',
        'quantityByYear',
        'proxy.description',
        'proxy.value',
        'proxy.source',
        'proxy.priceYear',
        'duration',
        'start',
        'deadweight',
        'displacement',
        'attribution',
        'leakage',
        'dropOff',
        'evidence.quantity',
        'evidence.duration',
        'evidence.deadweight',
        'evidence.displacement',
        'evidence.attribution',
        'evidence.leakage',
        'evidence.dropOff',
      ],
      read: cells_outcomes,
    },
    inputCells: {
      fields: ['stakeholder', 'description', 'kind', 'value', 'year'],
      read: cells_inputs,
    },
  };
}
