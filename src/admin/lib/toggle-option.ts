/** `list` with `option` taken out when it is there, added at the end when it is not (multi-pickers). */
export const toggleOption = <T extends { id: string }>(list: T[], option: T): T[] =>
  list.some((o) => o.id === option.id) ? list.filter((o) => o.id !== option.id) : [...list, option]
