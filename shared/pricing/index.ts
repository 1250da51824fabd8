// The one pricing of ShopDesk (API-SELLING.md "How an order is priced", "Discounts", "Refunds"),
// pure and shared by the core (REST, tRPC) and the POS screen.
export { exceedsDiscountLimit, priceOrder, type OrderInput, type OrderLineInput, type PricedLine, type PricedOrder } from './order';
export { priceRefund, type PricedRefund, type PricedRefundLine, type RefundInput, type RefundLineInput } from './refund';
export type { RateBalance } from './refund-taxes';
export { PricingInputError, RefundExceedsSaleError, type InputPath, type RefundExcess } from './errors';
export { mulDivFloor, mulDivRound } from './integer-math';
export { taxOn } from './taxes';
export { pricesIncludedTax, type StoredPricing } from './priced-gross';
export type { Discount, DiscountType, TaxEntry, TaxRateRef } from './types';
