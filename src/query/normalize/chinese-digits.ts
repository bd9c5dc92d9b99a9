// Values of the Chinese numeral characters.

export const DIGITS: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

export const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

export const LARGE_UNITS: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };

export const DIGIT_CHARS = Object.keys(DIGITS).join('');
export const NUMERAL_CHARS = DIGIT_CHARS + Object.keys(SMALL_UNITS).join('') + Object.keys(LARGE_UNITS).join('');
