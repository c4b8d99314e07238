// The marker `fazhi new-year` leaves wherever this year's report must say something new; the
// check lists every text still holding it. Full-width brackets and a phrase no report contains:
// never typed by chance.
export const PLACEHOLDER = '【待填写】';
