import { LightningElement, api } from 'lwc';
import LOCALE from '@salesforce/i18n/locale';
import type { AccountPlanDto } from '@keyplan/contracts';
import {
  formatNumber,
  getSetting,
  relationshipType,
  type AttributeScores,
  type KeyplanSettings,
  type SettingName
} from 'c/keyplanCore';

type ScoreKey = keyof AttributeScores;

const ATTRIBUTES: { key: ScoreKey; label: string; weight: SettingName }[] = [
  { key: 'scoreExecutiveAccess', label: 'Executive access', weight: 'RelType_Weight_Executive_Access' },
  { key: 'scoreShareOfWallet', label: 'Share of wallet', weight: 'RelType_Weight_Share_Of_Wallet' },
  {
    key: 'scoreStrategicAlignment',
    label: 'Strategic alignment',
    weight: 'RelType_Weight_Strategic_Alignment'
  },
  { key: 'scoreCoInnovation', label: 'Co-innovation', weight: 'RelType_Weight_Co_Innovation' },
  { key: 'scoreTenure', label: 'Tenure', weight: 'RelType_Weight_Tenure' }
];
const SCORE_OPTIONS = [
  { label: 'Not scored', value: '' },
  ...[1, 2, 3, 4, 5].map((n) => ({ label: String(n), value: String(n) }))
];

/**
 * The five weighted relationship attributes (1-5), editable in place, with the relationship type
 * recomputed live by the core as the user scores. Keeps its draft until the plan it shows changes,
 * so a failed save loses nothing.
 */
export default class PlanRelationship extends LightningElement {
  /** The user may not update the score fields (field-level security). */
  @api readOnly = false;
  @api saving = false;
  /**
   * The org's effective settings (from the summary's getSettings): the weights shown and the live type
   * of unsaved scores. The built-in defaults until they arrive; the saved type is the formula's.
   */
  @api settings?: Partial<KeyplanSettings>;

  private current?: AccountPlanDto;
  draft: Partial<AttributeScores> = {};

  @api
  get plan(): AccountPlanDto | undefined {
    return this.current;
  }
  set plan(value: AccountPlanDto | undefined) {
    // A different saved version (new lastModified) replaces the draft; the same one keeps it.
    if (
      !value ||
      !this.current ||
      value.id !== this.current.id ||
      value.lastModified !== this.current.lastModified
    )
      this.draft = {};
    this.current = value;
  }

  private get scores(): AttributeScores {
    const p = this.current;
    const out = {} as AttributeScores;
    for (const a of ATTRIBUTES)
      out[a.key] = a.key in this.draft ? (this.draft[a.key] ?? null) : (p?.[a.key] ?? null);
    return out;
  }

  get attributes() {
    const scores = this.scores;
    return ATTRIBUTES.map((a) => ({
      key: a.key,
      label: `${a.label} (weight ${getSetting(this.settings, a.weight)}%)`,
      value: scores[a.key] === null ? '' : String(scores[a.key]),
      changed: a.key in this.draft
    }));
  }
  get scoreOptions() {
    return SCORE_OPTIONS;
  }
  get disabled(): boolean {
    return this.readOnly || this.saving;
  }

  /**
   * The score and type from the core with the org's weights and bands; as saved, the type is the
   * Relationship_Type__c formula's own value.
   */
  get live(): { score: number | null; type: string } {
    const computed = relationshipType(this.scores, this.settings);
    const p = this.current;
    return !this.isDirty && p ? { score: computed.score, type: p.relationshipType ?? '' } : computed;
  }
  get typeText(): string {
    return this.live.type || 'Not scored';
  }
  get scoreText(): string {
    return this.live.score === null
      ? 'not scored yet'
      : `${formatNumber(this.live.score, { locale: LOCALE, fractionDigits: 2 })} of 5`;
  }
  get unscored(): boolean {
    return Object.values(this.scores).some((s) => s === null);
  }
  get isDirty(): boolean {
    const p = this.current;
    return ATTRIBUTES.some(
      (a) => a.key in this.draft && (this.draft[a.key] ?? null) !== (p?.[a.key] ?? null)
    );
  }
  get typeChanged(): boolean {
    return (
      this.isDirty && !!this.current?.relationshipType && this.current.relationshipType !== this.live.type
    );
  }
  get savedType(): string {
    return this.current?.relationshipType || 'Not scored';
  }

  handleChange(event: CustomEvent<{ value: string }>): void {
    const key = (event.target as HTMLElement).dataset.key as ScoreKey;
    const value = event.detail.value === '' ? null : Number(event.detail.value);
    this.draft = { ...this.draft, [key]: value };
  }

  handleCancel(): void {
    this.draft = {};
  }

  handleSave(): void {
    const changes: Partial<AttributeScores> = {};
    for (const a of ATTRIBUTES) if (a.key in this.draft) changes[a.key] = this.draft[a.key] ?? null;
    this.dispatchEvent(new CustomEvent('save', { detail: changes }));
  }
}
