import type { TaxRateRow } from '../../../db/schema';
import type { TaxRateDto } from '../../../shared/schemas/tax-rates';

export function toTaxRateDto(row: TaxRateRow): TaxRateDto {
  return { id: row.id, name: row.name, rate_bp: row.rateBp, is_active: row.isActive };
}
