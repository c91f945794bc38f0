import type { CodeListName, ReplaceCodeListRequest, ReplaceTaxonomyRequest, SetDeadlinesRequest } from '@jxt/contracts';
import { api } from '../../api/client';

/** 开启新年度 (admin): idempotent — a year already open answers `changed: false`. */
export const postOpenYear = (year: number) => api.post('/api/years/{year}/open', { path: { year } });

/** 关闭年度 (admin). */
export const postCloseYear = (year: number) => api.post('/api/years/{year}/close', { path: { year } });

/** The year's 截止日期 (one per stage that has one). */
export const fetchDeadlines = (year: number, signal?: AbortSignal) =>
  api.get('/api/deadlines', { query: { year }, signal });

/** Sets, changes or clears (null) each deadline given; the others stay. */
export const putDeadlines = (year: number, body: SetDeadlinesRequest) =>
  api.put('/api/deadlines/{year}', { path: { year }, body });

/** 截止提醒: how many days before the 单位提交 deadline reminders go out (tenant-wide, admin). */
export const fetchReminderSettings = (signal?: AbortSignal) => api.get('/api/reminder-settings', { signal });

export const putReminderSettings = (daysBefore: number[]) =>
  api.put('/api/reminder-settings', { body: { daysBefore } });

/** One code list as the admin edits it: a yearly list (功能分类科目) in the version of `year`. */
export const fetchAdminCodeList = (list: CodeListName, year: number | undefined, signal?: AbortSignal) =>
  api.get('/api/code-lists', { query: { list, year }, signal });

/** Replaces the whole list (a yearly one: that year's version), in the order given. */
export const putCodeList = (list: CodeListName, year: number | undefined, body: ReplaceCodeListRequest) =>
  api.put('/api/code-lists/{list}', { path: { list }, query: { year }, body });

/** The year's 一级/二级指标, retired ones included (the admin's page; the editor reads the same). */
export const fetchAdminTaxonomy = (year: number, signal?: AbortSignal) =>
  api.get('/api/taxonomy', { query: { year }, signal });

/** Replaces the year's whole taxonomy (labels, order, new nodes, 停用/启用). */
export const putTaxonomy = (year: number, body: ReplaceTaxonomyRequest) =>
  api.put('/api/taxonomy/{year}', { path: { year }, body });
