/**
 * The generated number inventory. Numbers are never stored: pool k of an area code yields its i-th number by
 * arithmetic (seeded start and stride), so inventories of any size cost nothing until numbers are taken.
 */
import { createSeededRandom } from '../core/random';
import { COUNTRIES, areaCodesOf, type CountryEntry } from './catalog';
import { PHONE_NUMBER_TYPES, type PhoneNumberType, type PhoneNumbersState } from './model';
import { own } from './own';

export interface Pool {
	country: CountryEntry;
	phoneNumberType: PhoneNumberType;
	areaCode: string;
	/** Dial code + area code, digits. */
	prefix: string;
	subscriberLength: number;
	/** Leading subscriber digits allowed (those that cannot collide with a longer pool prefix). */
	leadingDigits: string[];
	start: number;
	stride: number;
	size: number;
}

const poolCache = new Map<string, Pool[]>();

export function poolsOf(state: PhoneNumbersState): Pool[] {
	const key = `${state.seed}:${state.settings.poolSize}`;
	let pools = poolCache.get(key);
	if (!pools) {
		pools = buildPools(state.seed, state.settings.poolSize);
		poolCache.clear();
		poolCache.set(key, pools);
	}
	return pools;
}

function buildPools(seed: number, poolSize: number): Pool[] {
	const shapes = COUNTRIES.flatMap((country) =>
		PHONE_NUMBER_TYPES.flatMap((phoneNumberType) =>
			areaCodesOf(country, phoneNumberType).map((areaCode) => ({
				country,
				phoneNumberType,
				areaCode,
				prefix: country.dialCode + areaCode,
			})),
		),
	);
	const prefixes = shapes.map((shape) => shape.prefix);
	return shapes.map((shape) => {
		const subscriberLength = shape.country.nationalLength - shape.areaCode.length;
		const leadingDigits = [...'23456789'].filter(
			(digit) =>
				!prefixes.some(
					(other) => other.length > shape.prefix.length && other.startsWith(shape.prefix + digit),
				),
		);
		// Pools sharing a prefix (US and CA toll-free) split the number space into disjoint slots.
		const sharing = shapes.filter((other) => other.prefix === shape.prefix);
		const slotCount = sharing.length;
		const slotIndex = sharing.indexOf(shape);
		const span = leadingDigits.length * 10 ** (subscriberLength - 1);
		const slotSpan = Math.floor(span / slotCount);
		const size = Math.min(poolSize, slotSpan);
		const random = hashRandom(
			`${seed}:${shape.country.countryCode}:${shape.phoneNumberType}:${shape.areaCode}`,
		);
		const stride = Math.max(
			1,
			Math.min(1 + Math.floor(random() * 12), Math.floor(slotSpan / size)),
		);
		const start = slotIndex * slotSpan + Math.floor(random() * (slotSpan - size * stride + 1));
		return { ...shape, subscriberLength, leadingDigits, start, stride, size };
	});
}

/** Digits (no '+') of the pool's index-th number. */
export function numberAt(pool: Pool, index: number): string {
	const value = pool.start + index * pool.stride;
	const block = 10 ** (pool.subscriberLength - 1);
	const leading = pool.leadingDigits[Math.floor(value / block)];
	return pool.prefix + leading + String(value % block).padStart(pool.subscriberLength - 1, '0');
}

/** The pool a number belongs to, or undefined when the inventory never offered it. */
export function poolOfNumber(state: PhoneNumbersState, digits: string): Pool | undefined {
	for (const pool of poolsOf(state)) {
		if (
			!digits.startsWith(pool.prefix) ||
			digits.length !== pool.prefix.length + pool.subscriberLength
		)
			continue;
		const block = 10 ** (pool.subscriberLength - 1);
		const leadingIndex = pool.leadingDigits.indexOf(digits[pool.prefix.length]);
		if (leadingIndex < 0) continue;
		const value = leadingIndex * block + Number(digits.slice(pool.prefix.length + 1));
		const offset = value - pool.start;
		if (offset >= 0 && offset % pool.stride === 0 && offset / pool.stride < pool.size) return pool;
	}
	return undefined;
}

/** Whether a number is purchased or held by a live search or reservation. */
export function isTaken(state: PhoneNumbersState, digits: string, now: number): boolean {
	if (own(state.purchased, digits)) return true;
	const hold = own(state.holds, digits);
	if (!hold) return false;
	if (hold.kind === 'search') {
		const search = own(state.searches, hold.owner);
		if (!search) return false;
		return (
			search.purchase === 'pending' || (search.purchase !== 'purchased' && now < search.expiresAt)
		);
	}
	const reservation = own(state.reservations, hold.owner);
	if (!reservation || !own(reservation.phoneNumbers, digits)) return false;
	return (
		reservation.status === 'submitted' ||
		(reservation.status === 'active' && now < reservation.expiresAt)
	);
}

export interface PoolFilter {
	countryCode: string;
	phoneNumberType: PhoneNumberType;
	areaCode?: string;
}

export function matchingPools(state: PhoneNumbersState, filter: PoolFilter): Pool[] {
	return poolsOf(state).filter(
		(pool) =>
			pool.country.countryCode === filter.countryCode &&
			pool.phoneNumberType === filter.phoneNumberType &&
			(filter.areaCode === undefined || pool.areaCode === filter.areaCode),
	);
}

/** The first `quantity` free numbers of the pools, in inventory order (deterministic for a seed). */
export function takeFreeNumbers(
	state: PhoneNumbersState,
	pools: Pool[],
	quantity: number,
	now: number,
): string[] {
	const found: string[] = [];
	for (const pool of pools) {
		for (let index = 0; index < pool.size && found.length < quantity; index++) {
			const digits = numberAt(pool, index);
			if (!isTaken(state, digits, now)) found.push(digits);
		}
		if (found.length >= quantity) break;
	}
	return found;
}

/** Up to `count` free numbers drawn at random from the pools, matching any of the digit prefixes. */
export function sampleFreeNumbers(
	state: PhoneNumbersState,
	pools: Pool[],
	count: number,
	prefixes: string[],
	now: number,
	random: () => number,
): string[] {
	const matchesPrefix = (digits: string) =>
		prefixes.length === 0 || prefixes.some((prefix) => digits.startsWith(prefix));
	const candidates: string[] = [];
	for (const pool of pools) {
		if (
			prefixes.length > 0 &&
			!prefixes.some((prefix) => prefix.startsWith(pool.prefix) || pool.prefix.startsWith(prefix))
		)
			continue;
		const offset = Math.floor(random() * pool.size);
		let collected = 0;
		for (let step = 0; step < pool.size && collected < count; step++) {
			const digits = numberAt(pool, (offset + step) % pool.size);
			if (matchesPrefix(digits) && !isTaken(state, digits, now)) {
				candidates.push(digits);
				collected++;
			}
		}
	}
	for (let index = candidates.length - 1; index > 0; index--) {
		const other = Math.floor(random() * (index + 1));
		[candidates[index], candidates[other]] = [candidates[other], candidates[index]];
	}
	return candidates.slice(0, count);
}

/** FNV-1a of the key as the seed of the emulator's seeded generator: a small deterministic generator per pool. */
function hashRandom(key: string): () => number {
	let hash = 0x811c9dc5;
	for (let index = 0; index < key.length; index++) {
		hash ^= key.charCodeAt(index);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return createSeededRandom(hash);
}
