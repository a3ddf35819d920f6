import { LightningElement, api, wire } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { refreshApex } from '@salesforce/apex';
import { getObjectInfo, type ObjectInfo } from 'lightning/uiObjectInfoApi';
import ACCOUNT_PLAN_OBJECT from '@salesforce/schema/Account_Plan__c';
import getPlanSummary from '@salesforce/apex/AccountPlanController.getPlanSummary';
import createPlan from '@salesforce/apex/AccountPlanController.createPlan';
import savePlan from '@salesforce/apex/AccountPlanController.savePlan';
import getSettings from '@salesforce/apex/KeyplanSettingsController.getSettings';
import type {
  AccountPlanDto,
  CustomerPhase,
  PlanInput,
  PlanSummaryData,
  SettingsData
} from '@keyplan/contracts';
import {
  currentFiscalYear,
  figureOptions,
  settingsFromData,
  summariseYear,
  type AttributeScores,
  type KeyplanSettings,
  type YearFigures
} from 'c/keyplanCore';

const PHASES: CustomerPhase[] = ['Prospect', 'Customer', 'Loyal Customer', 'Former Customer'];
const SCORE_FIELDS = [
  'Score_Executive_Access__c',
  'Score_Share_Of_Wallet__c',
  'Score_Strategic_Alignment__c',
  'Score_Co_Innovation__c',
  'Score_Tenure__c'
];

/**
 * The account plan of one fiscal year at a glance, for the Account page header: goal against won,
 * weighted pipeline and whitespace, mining vs farming, relationship type from its weighted attributes
 * (editable), tier, customer phase (editable) and the overdue actions. Creates the plan in one click.
 */
export default class AccountPlanSummary extends NavigationMixin(LightningElement) {
  @api recordId!: string;
  /** Design attribute: maximum height in pixels (0 = as tall as needed). */
  @api height: number | string = 0;

  /** The fiscal year shown: the design attribute, else the current year. */
  year: number = new Date().getFullYear();
  private configuredYear?: number;
  private followedOrgYear = false;

  /** Design attribute: fiscal year to show; blank means the current year. */
  @api
  get fiscalYear(): number | string | undefined {
    return this.configuredYear;
  }
  set fiscalYear(value: number | string | undefined) {
    const y = Number(value);
    this.configuredYear =
      value === undefined || value === null || value === '' || !Number.isInteger(y) ? undefined : y;
    this.year = this.configuredYear ?? new Date().getFullYear();
  }

  private wiredResult?: WireResult<PlanSummaryData>;
  private data?: PlanSummaryData;
  error: unknown = null;
  private objectInfo?: ObjectInfo;

  creating = false;
  createError: unknown = null;
  saving = false;
  saveError: unknown = null;
  /** The phase the user picked, kept on screen while saving and after a failed save. */
  phaseDraft: CustomerPhase | null | undefined = undefined;

  @wire(getPlanSummary, { accountId: '$recordId', fiscalYear: '$year' })
  wiredSummary(result: WireResult<PlanSummaryData>): void {
    this.wiredResult = result;
    if (result.data) {
      // No year configured: follow the org's current fiscal year once its setting is known.
      if (this.configuredYear === undefined && !this.followedOrgYear) {
        this.followedOrgYear = true;
        const current = currentFiscalYear(figureOptions(result.data).fiscalYear);
        if (current !== this.year) {
          this.year = current;
          return;
        }
      }
      this.data = result.data;
      this.error = null;
    } else if (result.error) {
      this.data = undefined;
      this.error = result.error;
    }
  }

  /** The org's effective settings (override over packaged default): relationship weights and bands. */
  settings: KeyplanSettings = settingsFromData(undefined);

  @wire(getSettings)
  wiredSettings({ data }: WireResult<SettingsData>): void {
    if (data) this.settings = settingsFromData(data);
  }

  @wire(getObjectInfo, { objectApiName: ACCOUNT_PLAN_OBJECT })
  wiredObjectInfo({ data }: WireResult<ObjectInfo>): void {
    // Without a describe the server's user-mode DML still enforces field-level security.
    if (data) this.objectInfo = data;
  }

  get isLoading(): boolean {
    return !this.data && !this.error;
  }
  get hasError(): boolean {
    return !this.data && !!this.error;
  }
  get plan(): AccountPlanDto | null {
    return this.data?.plan ?? null;
  }
  get isEmpty(): boolean {
    return !!this.data && !this.plan;
  }
  get hasPlan(): boolean {
    return !!this.plan;
  }
  /** Group accounts: "Figures cover 4 companies" when the plan's scope holds subsidiaries, else blank. */
  get scopeText(): string {
    const n = this.data?.accounts?.length ?? 0;
    return n > 1 ? `Figures cover ${n} companies: this account and its subsidiaries.` : '';
  }
  /** Group accounts: the top of the group when this account is a subsidiary. */
  get groupAccount(): { id: string; name: string } | null {
    return this.data?.groupAccount ?? null;
  }
  get groupLinkLabel(): string {
    return this.groupAccount ? `Open the group plan (${this.groupAccount.name})` : '';
  }
  get groupHref(): string {
    return this.groupAccount ? `/lightning/r/Account/${this.groupAccount.id}/view` : '';
  }
  get hasGroupLine(): boolean {
    return !!this.scopeText || !!this.groupAccount;
  }
  handleOpenGroup(event: Event): void {
    event.preventDefault();
    const group = this.groupAccount;
    if (!group) return;
    this[NavigationMixin.Navigate]({
      type: 'standard__recordPage',
      attributes: { recordId: group.id, objectApiName: 'Account', actionName: 'view' }
    });
  }

  get summary(): PlanSummaryData | undefined {
    return this.data;
  }
  private figuresOf?: { data: PlanSummaryData; figures: YearFigures };
  /**
   * Won, weighted pipeline and the two potentials of the year: summariseYear over the rows Apex sent,
   * with the org's fiscal year and currency (the matrix and the exports call the same function).
   */
  get figures(): YearFigures | undefined {
    const data = this.data;
    if (!data) return undefined;
    if (this.figuresOf?.data !== data)
      this.figuresOf = { data, figures: summariseYear(data, figureOptions(data)) };
    return this.figuresOf.figures;
  }
  get cardTitle(): string {
    return `Account plan FY${this.year}`;
  }
  get createLabel(): string {
    return `Create FY${this.year} plan`;
  }
  get emptyText(): string {
    return `This account has no plan for FY${this.year} yet. Create one to set goals and track actions.`;
  }
  get bodyStyle(): string {
    const h = Number(this.height);
    return Number.isFinite(h) && h > 0 ? `max-height: ${h}px; overflow-y: auto;` : '';
  }

  private updateable(field: string): boolean {
    const fields = this.objectInfo?.fields;
    return !fields || !!fields[field]?.updateable;
  }
  get scoresReadOnly(): boolean {
    return !SCORE_FIELDS.every((f) => this.updateable(f));
  }
  get phaseReadOnly(): boolean {
    return !this.updateable('Customer_Phase__c') || this.saving;
  }

  get tierText(): string {
    return this.plan?.tier ? `Tier ${this.plan.tier}` : 'No tier';
  }
  get statusText(): string {
    return this.plan?.status ?? '';
  }
  get phaseValue(): string {
    return (this.phaseDraft !== undefined ? this.phaseDraft : this.plan?.customerPhase) ?? '';
  }
  get phaseOptions() {
    return [{ label: 'Not set', value: '' }, ...PHASES.map((p) => ({ label: p, value: p }))];
  }

  async handleCreate(): Promise<void> {
    this.creating = true;
    this.createError = null;
    try {
      const plan = await createPlan({ accountId: this.recordId, fiscalYear: this.year });
      if (this.data) this.data = { ...this.data, plan };
      this.refresh();
    } catch (error) {
      this.createError = error;
    } finally {
      this.creating = false;
    }
  }

  private async save(changes: Partial<PlanInput>): Promise<boolean> {
    const p = this.plan;
    if (!p || !this.data) return false;
    const input: PlanInput = {
      id: p.id,
      lastModified: p.lastModified,
      accountId: this.data.accountId,
      name: p.name,
      fiscalYear: p.fiscalYear,
      status: p.status,
      revenueGoal: p.revenueGoal,
      miningGoal: p.miningGoal,
      farmingGoal: p.farmingGoal,
      ...changes
    };
    this.saving = true;
    this.saveError = null;
    try {
      const saved = await savePlan({ input });
      this.data = { ...this.data, plan: saved };
      this.refresh();
      return true;
    } catch (error) {
      this.saveError = error;
      return false;
    } finally {
      this.saving = false;
    }
  }

  async handleScoresSave(event: CustomEvent<Partial<AttributeScores>>): Promise<void> {
    await this.save({ ...event.detail });
  }

  async handlePhaseChange(event: CustomEvent<{ value: string }>): Promise<void> {
    const value = (event.detail.value || null) as CustomerPhase | null;
    this.phaseDraft = value;
    if (await this.save({ customerPhase: value })) this.phaseDraft = undefined;
  }

  /** Errors of a background refresh are left to the wire, which reports them as its error state. */
  private refresh(): Promise<void> {
    return this.wiredResult ? refreshApex(this.wiredResult).catch(() => undefined) : Promise.resolve();
  }
}
