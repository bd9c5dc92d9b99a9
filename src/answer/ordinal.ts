// 第二个, 倒数第二, 最后一个: the place in a list an ordinal points at.

/** The index an ordinal points at in a list of `length` (第2个 → 1, 倒数第2 → length − 2); out of range when the list is shorter. */
export const ordinalIndex = (ref: { index: number; fromEnd: boolean }, length: number): number => (ref.fromEnd ? length - ref.index : ref.index - 1);
