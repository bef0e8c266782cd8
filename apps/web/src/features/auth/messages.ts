import { defineMessages } from '../../lib/i18n';

export const authMessages = defineMessages({
  'zh-CN': {
    title: '登录鱼缸',
    intro: '用工作邮箱和密码登录。',
    email: '邮箱',
    password: '密码',
    submit: '登录',
    submitting: '登录中…',
    failed: '邮箱或密码不正确',
    tooMany: '尝试次数过多，请稍后再试',
    demo: '演示账号：demo@yugang.local / yugang-demo',
    logout: '退出登录',
  },
  en: {
    title: 'Sign in to Yugang',
    intro: 'Sign in with your work email and password.',
    email: 'Email',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    failed: 'Email or password is wrong',
    tooMany: 'Too many attempts; try again later',
    demo: 'Demo login: demo@yugang.local / yugang-demo',
    logout: 'Sign out',
  },
});
