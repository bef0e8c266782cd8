/**
 * Passwords attackers try first: the most common ones in public breach corpora and in Chinese
 * sites' leaks, written out here (lowercase). With the rules in password.ts (a listed word plus
 * digits or symbols, one repeated character, a keyboard or digit run) this covers the top of
 * every published list without shipping one.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  `
123456 123456789 12345678 12345 1234567 1234567890 123123 111111 000000 654321 666666 888888
121212 112233 123321 123654 159753 147258 147258369 159357 741852963 987654321 9876543210
5201314 1314520 woaini woaini1314 woaini520 iloveyou iloveu love loveme lovely lover
password passw0rd p@ssword p@ssw0rd pass pass1234 password1 password123 passwort motdepasse
qwerty qwertyuiop qwerty123 qwe123 qweqwe qweasd qweasdzxc asdfgh asdfghjkl asdasd asd123
zxcvbn zxcvbnm zxc123 1qaz2wsx 1q2w3e4r 1q2w3e4r5t 1q2w3e 2wsx3edc qazwsx qazwsxedc q1w2e3r4
abc123 abc123456 a123456 a12345678 aa123456 a1b2c3 a1b2c3d4 abcd1234 abcdef abcdefg aaaaaa
qq123456 qq5201314 wang123 wang123456 zhang123 li123456 liu123456 chen123 yang123 zhou123
huang123 wu123456 xiaoming woshishui nihao nihao123 aini1314 wobuzhidao shanghai beijing
guangzhou shenzhen hangzhou chengdu china zhongguo taobao tmall jingdong weixin wechat
admin admin123 administrator root toor guest user test test123 testing demo default changeme
welcome welcome1 letmein login master secret hello hello123 hello1234 hi123456 superman
batman spiderman ironman starwars pokemon naruto dragon dragonball monkey tiger lion eagle
shadow sunshine princess football baseball basketball soccer hockey jordan jordan23 michael
jennifer jessica ashley daniel charlie andrew joshua matthew robert thomas william hunter
buster pepper ginger maggie cookie cheese chocolate banana orange apple summer winter autumn
spring freedom whatever trustno1 nothing access flower flowers purple blue green yellow
computer internet samsung iphone google facebook youtube twitter linkedin microsoft windows
killer fuckyou fuck666 asshole bitch mustang ferrari porsche mercedes corvette harley
qwer1234 asdf1234 zxcv1234 1234qwer 1234asdf 12qwaszx 123qwe 123abc 123asd 123zxc 321321
112358 11111111 22222222 88888888 66666666 12341234 11223344 520520 521521 5211314 7758521
1111 0000 1234 12344321 123456a 123456aa 123456abc 123456q 123456qq a1234567 qwerty1
iloveyou1 iloveyou123 princess1 sunshine1 football1 monkey123 dragon123 shadow123 master123
azerty azerty123 1qazxsw2 zaq12wsx zaq1zaq1 !qaz2wsx 1qaz@wsx qwe!@# !@#$%^ !@#$%^&* 1q2w3e!
baby babygirl angel angela buddy happy lucky family friends forever mylove yourmom
money money123 rich boss success winner champion victory ninja gamer player minecraft
company business office manager sales marketing service support private public shop store
`
    .split(/\s+/)
    .filter(Boolean),
);
